/** Average (1-based) ranks of `values` plus the size of every tie group larger than one. */
export function averageRanks(values: ArrayLike<number>): { ranks: Float64Array; tieSizes: number[] } {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (values[i] as number) - (values[j] as number),
  );
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end] as number] === values[order[start] as number]) end++;
    // Positions start..end-1 share the mean of ranks start+1..end.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/** Mann-Whitney U of the first sample (scipy's U1): rank sum of `a` in the pooled data minus n1(n1+1)/2. */
export function uStatistic(a: readonly number[], b: readonly number[]): { u1: number; tieSizes: number[] } {
  const { ranks, tieSizes } = averageRanks([...a, ...b]);
  let rankSum = 0;
  for (let i = 0; i < a.length; i++) rankSum += ranks[i] as number;
  return { u1: rankSum - (a.length * (a.length + 1)) / 2, tieSizes };
}
