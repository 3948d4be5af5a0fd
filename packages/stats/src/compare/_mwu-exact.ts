/**
 * Exact null distribution of U for sample sizes n1, n2 (no ties): the number of arrangements giving each U
 * are the coefficients of the Gaussian binomial [n1 + n2 choose m]_q, m = min(n1, n2), built as
 * ∏_{i=1..m} (1 − q^{n+i}) / (1 − q^i). BigInt keeps the counts exact (no cancellation), so p is exact
 * up to the final division.
 */
function uCounts(n1: number, n2: number): bigint[] {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  const counts: bigint[] = new Array(m * n + m + 1).fill(0n);
  counts[0] = 1n;
  for (let i = 1; i <= m; i++) {
    const degree = (i - 1) * n;
    const shift = n + i;
    // Multiply by (1 − q^shift), highest coefficient first so each uses the old values.
    for (let u = degree + shift; u >= shift; u--)
      counts[u] = (counts[u] as bigint) - (counts[u - shift] as bigint);
    // Divide by (1 − q^i): exact polynomial division is a running sum with stride i.
    for (let u = i; u <= degree + shift; u++) counts[u] = (counts[u] as bigint) + (counts[u - i] as bigint);
  }
  return counts.slice(0, m * n + 1);
}

/** P(U >= u) under H0 for integer u (the mass at u included, as scipy's `_MWU.sf`). */
export function exactUpperTail(u: number, n1: number, n2: number): number {
  const counts = uCounts(n1, n2);
  let total = 0n;
  let tail = 0n;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k] as bigint;
    if (k >= u) tail += counts[k] as bigint;
  }
  return Number(tail) / Number(total);
}
