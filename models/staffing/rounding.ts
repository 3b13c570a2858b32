import type { StaffingRule } from './tables';

// FTE arithmetic in floats leaves noise (21.5 × 3 = 64.49999…); everything the engine reports is
// kept to 4 decimals, finer than any FTE a payroll system stores.
export function tidyFte(x: number): number {
  const r = Math.round(x * 10000) / 10000;
  return r === 0 ? 0 : r;
}

/**
 * Rounds raw FTE to a multiple of `increment` (1 = whole positions, 0.5, 0.1 = fractional) up,
 * down or to the nearest (halves go up). Raw values are tidied first so 2.0000000001 rounds up to
 * 2, not 3.
 */
export function roundFte(raw: number, rounding: StaffingRule['rounding'], increment: number): number {
  if (!(increment > 0)) throw new RangeError(`FTE increment must be positive, got ${increment}`);
  const units = tidyFte(raw / increment);
  const whole = rounding === 'up' ? Math.ceil(units) : rounding === 'down' ? Math.floor(units) : Math.floor(units + 0.5);
  return tidyFte(whole * increment);
}
