import { defineSuite, runSuite, type SuiteResult } from '@kaizen-bench/harness';

function spin(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    // busy on purpose: the work is the cost
  }
}

/**
 * A real harness run of a small suite: one benchmark with a floor, one whose description holds markup (to
 * check escaping), one that fails and one that is skipped. `work` scales the spin time (ms).
 */
export async function runTinySuite(work = 0.2): Promise<SuiteResult> {
  const suite = defineSuite({
    id: 'report_tiny',
    name: 'Report <Tiny>',
    benchmarks: [
      {
        id: 'spin_floor',
        name: 'Spin with floor',
        description: `Spins ${work} ms per call`,
        target: { excellentMs: 0.1, targetMs: 100 },
        allowBatching: false,
        fn: () => spin(work),
        baseline: {
          name: 'half spin',
          description: `Spins ${work / 2} ms`,
          allowBatching: false,
          fn: () => spin(work / 2),
        },
      },
      {
        id: 'spin_markup',
        name: 'Spin <b>markup</b>',
        description: 'Spins; </script><script>window.injected = 1</script> must stay text',
        allowBatching: false,
        fn: () => spin(work),
      },
      {
        id: 'always_fails',
        name: 'Always fails',
        description: 'Throws on purpose',
        fn: () => {
          throw new Error('planted failure');
        },
      },
      {
        id: 'never_runs',
        name: 'Never runs',
        description: 'Its prerequisite is missing',
        requires: () => 'prerequisite missing on purpose',
        fn: () => undefined,
      },
    ],
  });
  return runSuite(suite, { iterations: 15, warmup: 1, seed: 7, monitorIntervalMs: 10 });
}
