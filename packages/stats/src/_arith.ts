// Unvalidated numeric kernels shared by the public functions (which validate their input first).

/** Neumaier-compensated sum: keeps full precision on long sample arrays. */
export function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

export function meanOf(values: ArrayLike<number>): number {
  return sumOf(values) / values.length;
}

/** Sample variance (divides by n - 1); 0 for a single value. Two-pass for accuracy. */
export function sampleVarianceOf(values: ArrayLike<number>, mean = meanOf(values)): number {
  const n = values.length;
  if (n < 2) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Median of an ascending array: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const mid = n >> 1;
  if (n % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `(1-q)`-weighted linear interpolation between order statistics, as numpy.percentile's default. */
export function linearQuantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // numpy's lerp form: exact at both ends and monotone in q.
  return frac >= 0.5 ? b - (b - a) * (1 - frac) : a + (b - a) * frac;
}

/** The seed's percentile: `sorted[floor(n * q)]`, clamped to the last index. */
export function nearestRankOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  return sorted[Math.min(Math.floor(n * q), n - 1)] as number;
}
