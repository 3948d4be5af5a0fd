/// <reference path="./_jstat.d.ts" />
import jStat from 'jstat';

// Chebyshev coefficients of erfc (Numerical Recipes `erfccheb`, the same set jstat uses for erf).
// jstat computes erfc as 1 - erf, which loses all precision in the tail; evaluating erfc directly keeps
// small p-values accurate to ~1e-15 relative.
const ERFC_COF = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6,
  1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
  9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
  -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

function erfcNonNegative(x: number): number {
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (ERFC_COF[j] as number);
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * ((ERFC_COF[0] as number) + ty * d) - dd);
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z === Number.NEGATIVE_INFINITY) return 1;
  return z >= 0 ? 0.5 * erfcNonNegative(z / Math.SQRT2) : 1 - 0.5 * erfcNonNegative(-z / Math.SQRT2);
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** z such that P(Z <= z) = p: jstat's estimate, polished by Newton steps on the accurate tail above. */
export function normalQuantile(p: number): number {
  let z = jStat.normal.inv(p, 0, 1);
  for (let i = 0; i < 3; i++) {
    const cdf = 1 - normalSf(z);
    z -= (cdf - p) / (INV_SQRT_2PI * Math.exp(-0.5 * z * z));
  }
  return z;
}

/**
 * Two-sided p-value of Student's t: P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2).
 * jstat's incomplete beta is accurate to ~1e-7 relative, plenty for a p-value.
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return jStat.ibeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * P(|T| <= t) for Student's t with an integer number of degrees of freedom, by the closed-form series of
 * Abramowitz & Stegun 26.7.3-4 (all terms positive: accurate to ~1e-15, unlike jstat's 3e-7 continued fraction).
 */
function studentTCentral(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const sin = Math.sin(theta);
  if (df % 2 === 1) {
    if (df === 1) return (2 * theta) / Math.PI;
    let term = Math.cos(theta);
    let sum = term;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    return (2 / Math.PI) * (theta + sin * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= df - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
  }
  return sin * sum;
}

/**
 * t such that P(|T| <= t) = `confidence`, i.e. the (1 + c)/2 quantile, for integer `df` >= 1.
 * jstat's estimate (~1e-8 relative) polished by Newton steps on the exact closed-form CDF.
 */
export function studentTCriticalValue(confidence: number, df: number): number {
  let t = jStat.studentt.inv((1 + confidence) / 2, df);
  for (let i = 0; i < 4; i++) {
    const step = (studentTCentral(t, df) - confidence) / (2 * jStat.studentt.pdf(t, df));
    t -= step;
    if (Math.abs(step) <= 1e-16 * t) break;
  }
  return t;
}
