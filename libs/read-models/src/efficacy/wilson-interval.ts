/** The 0.975 quantile of the standard normal: a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval of a proportion (Wilson 1927; method 3 of Newcombe 1998). Chosen over the Wald
 * interval because the cohorts of an early-phase trial are small and their response rates often 0 or 100 %,
 * where Wald collapses to a zero-width interval; Wilson stays inside [0, 1] and is exact at the ends (0 of n
 * has lower bound 0, n of n upper bound 1). Null when there are no trials: no rate, so no interval.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): ProportionInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ successes ≤ trials, got ${successes}/${trials}`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const halfWidth = (z / scale) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0/n and n/n the bound is exactly 0 or 1 analytically; floating point would give ±1e-17.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === trials ? 1 : Math.min(1, centre + halfWidth),
  };
}
