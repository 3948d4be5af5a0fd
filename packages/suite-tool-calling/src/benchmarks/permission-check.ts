import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedToolCallingSuiteOptions } from '../options';
import type { ToolCallSpec } from '../subject';
import { PERMISSION_CASES, WORKLOAD_RULES } from '../workload';
import { acquireFor, type Held, prepare, release } from './_lifecycle';

/** Untimed calls in setup before the first timed one. */
const WARM_UP_CALLS = 20_000;

/** Permission Check: one policy decision against 24 ordered rules of mixed kinds (DESIGN §8). */
export function createPermissionCheckBenchmark(
  options: ResolvedToolCallingSuiteOptions,
): BenchmarkDefinition {
  let held: Held | undefined;
  let calls: ToolCallSpec[] = [];
  let next = 0;
  return {
    id: 'permission_check',
    name: 'Permission Check',
    description:
      `Times subject.checkPermission(call) for one call, cycling through ${PERMISSION_CASES.length} calls ` +
      `(allow, ask and deny; path scopes, danger levels, globs, an exhausted budget, no match, an unknown tool) ` +
      `against ${WORKLOAD_RULES.length} ordered rules, first match wins, deny by default. Sub-microsecond, so ` +
      'timed in batches of back-to-back calls. For the default subject: PermissionPolicy.check (rules compiled ' +
      'once, rules per tool cached, lexical path resolution). Every decision is checked untimed in setup, ' +
      `then ${WARM_UP_CALLS} untimed calls warm the JIT.`,
    target: { excellentMs: 0.1, targetMs: 0.5 },
    iterations: 100,
    warmup: 10,
    requires: () =>
      acquireFor(options, 'permission_check', 'checkPermission', 'permission policy', (h) => {
        held = h;
      }),
    async setup(ctx) {
      await prepare(ctx, held!);
      calls = PERMISSION_CASES.map((c) => c.call);
      next = 0;
      const wrong: string[] = [];
      for (const expected of PERMISSION_CASES) {
        const verdict = await held!.subject.checkPermission!(expected.call);
        const ruleDiffers = verdict.rule !== undefined && verdict.rule !== expected.rule;
        if (verdict.effect !== expected.effect || ruleDiffers) {
          wrong.push(
            `${expected.call.tool} ${JSON.stringify(expected.call.args)}: got ${verdict.effect} (${verdict.rule}), ` +
              `expected ${expected.effect} (${expected.rule})`,
          );
        }
      }
      if (wrong.length > 0) {
        throw new Error(
          `permission_check: the subject decided ${wrong.join('; ')} — fix how it applies the rules`,
        );
      }
      // Untimed JIT warm-up: the harness decides batching from the first calls, which must not be the
      // interpreter's (the quick profile has one warmup call).
      for (let i = 0; i < WARM_UP_CALLS; i++) {
        const verdict = held!.subject.checkPermission!(calls[i % calls.length]!);
        if (typeof (verdict as { then?: unknown }).then === 'function') await verdict;
      }
      ctx.metadata['calls_in_mix'] = calls.length;
      ctx.metadata['effects_in_mix'] = Object.fromEntries(
        ['allow', 'ask', 'deny'].map((effect) => [
          effect,
          PERMISSION_CASES.filter((c) => c.effect === effect).length,
        ]),
      );
    },
    fn() {
      const call = calls[next]!;
      next = next + 1 === calls.length ? 0 : next + 1;
      return held!.subject.checkPermission!(call);
    },
    async teardown(ctx) {
      await release(ctx, held);
      held = undefined;
    },
  };
}
