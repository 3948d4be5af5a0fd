import { describe, expect, it } from 'vitest';
import { cliffsDelta } from '../src/index';
import { expectClose, reference } from './_reference';

describe('cliffsDelta equals the brute-force mean of sign(x_i − y_j)', () => {
  for (const [name, pair] of Object.entries(reference.comparisons)) {
    it(name, () => {
      expectClose(cliffsDelta(pair.a, pair.b).delta, pair.cliffsDelta, 1e-12, 'delta');
    });
  }

  it('is ±1 for fully separated samples and labels the magnitude', () => {
    expect(cliffsDelta([5, 6], [1, 2])).toEqual({ delta: 1, magnitude: 'large' });
    expect(cliffsDelta([1, 2], [5, 6])).toEqual({ delta: -1, magnitude: 'large' });
    expect(cliffsDelta([1, 2, 3], [1, 2, 3])).toEqual({ delta: 0, magnitude: 'negligible' });
  });
});
