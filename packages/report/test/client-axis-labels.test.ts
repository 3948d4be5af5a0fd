import { describe, expect, it } from 'vitest';
import { axisMs, linearTickLabels } from '../src/_client';

describe('axisMs', () => {
  it('labels ticks compactly and leaves the ticks uPlot drops on a log scale (null) blank', () => {
    expect(axisMs(null)).toBe('');
    expect(axisMs(0)).toBe('0');
    expect(axisMs(0.01234)).toBe('0.012');
    expect(axisMs(1.234)).toBe('1.23');
    expect(axisMs(2.5)).toBe('2.5');
    expect(axisMs(150.4)).toBe('150');
  });
});

describe('linearTickLabels', () => {
  it('gives as many decimals as the tick spacing needs, so neighbouring ticks never read the same', () => {
    expect(linearTickLabels([0.3, 0.302, 0.304, null])).toEqual(['0.300', '0.302', '0.304', '']);
    expect(linearTickLabels([2, 4, 6])).toEqual(['2', '4', '6']);
    expect(linearTickLabels([0.25, 0.5, 0.75, 1])).toEqual(['0.25', '0.50', '0.75', '1.00']);
    expect(linearTickLabels([10, 20])).toEqual(['10', '20']);
  });
});
