/** A duration in ms for people: 3 significant digits below 100 ms, one decimal above, never an exponent. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) >= 100) return ms.toFixed(1);
  if (ms === 0) return '0';
  // toFixed with as many decimals as 3 significant digits need (String() would print 6.47e-7), then
  // trailing zeros dropped.
  const decimals = Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(ms)))));
  const fixed = ms.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Operations per second, rounded for people. */
export function formatRate(opsPerSec: number): string {
  if (!Number.isFinite(opsPerSec)) return String(opsPerSec);
  if (opsPerSec >= 100) return Math.round(opsPerSec).toLocaleString('en-US');
  return String(Number(opsPerSec.toPrecision(3)));
}
