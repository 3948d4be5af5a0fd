import { describe, expect, it } from 'vitest';
import { summarize } from '../src/index';
import { expectClose, reference } from './_reference';

// Everything, including the seeded bootstrap (replayed draw for draw in Python), is held to 1e-9 relative.
describe('summarize matches numpy/scipy on every fixture and option set', () => {
  for (const [name, cases] of Object.entries(reference.summaries)) {
    for (const { options, expected } of cases) {
      it(`${name} ${JSON.stringify(options)}`, () => {
        const actual = summarize(reference.datasets[name] as number[], options);
        expect(actual.count).toBe(expected.count);
        expect(actual.outliersRemoved).toBe(expected.outliersRemoved);
        for (const key of [
          'p50',
          'p95',
          'p99',
          'mean',
          'stddev',
          'min',
          'max',
          'throughputOpsPerSec',
        ] as const) {
          expectClose(actual[key], expected[key], 1e-9, key);
        }
        expectClose(actual.confidenceInterval.lower, expected.confidenceInterval.lower, 1e-9, 'ci.lower');
        expectClose(actual.confidenceInterval.upper, expected.confidenceInterval.upper, 1e-9, 'ci.upper');
        expect(actual.confidenceInterval.confidence).toBe(expected.confidenceInterval.confidence);
      });
    }
  }
});
