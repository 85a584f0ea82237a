/**
 * Points from checks. An exercise's points are its points × checks passed / checks,
 * rounded to 2 decimals; a learner's total is the sum of their exercises' points (rounded
 * the same). Every format (report, gradebook, JSON, Classroom) shows these same numbers.
 */

/** Rounds to 2 decimals (hundredths), half away from zero, without binary noise (1.005 -> 1.01). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** What an exercise worth `points` earns with `passed` of its `total` checks passed. */
export function exercisePoints(points: number, passed: number, total: number): number {
  if (total <= 0) return 0;
  return round2((points * passed) / total);
}

/** The sum of points, rounded (in hundredths, so 0.1 + 0.2 is 0.3). */
export function sumPoints(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
}

/**
 * Splits `earned` points among `passed` checks, in hundredths that add up to it exactly
 * (the first checks take the odd hundredths): GitHub Classroom adds up its tests' scores.
 */
export function splitPoints(earned: number, passed: number): number[] {
  if (passed <= 0) return [];
  const hundredths = Math.round(earned * 100);
  const base = Math.floor(hundredths / passed);
  const odd = hundredths - base * passed;
  return Array.from({ length: passed }, (_, index) => (base + (index < odd ? 1 : 0)) / 100);
}

/** Points as the gradebook and reports write them: no trailing zeros (10, 3.5, 3.33). */
export function formatPoints(value: number): string {
  return String(round2(value));
}
