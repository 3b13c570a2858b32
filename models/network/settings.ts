import { fail, ok, type Parsed } from '../result';

// The network's Settings keys (kept as text in settings.extra, read here once): the management
// fee the network office charges each school, the office's site, and what each student a school
// adds (or loses) costs (or saves) in the forecast.

export interface NetworkSettings {
  /** pct_public_revenue: a share of each school's public (non-philanthropy) revenue; per_pupil: dollars per student. */
  feeBasis: 'pct_public_revenue' | 'per_pupil';
  /** A share (0.12) for pct_public_revenue; cents per pupil for per_pupil. 0 = no fee. */
  feeRate: number;
  /** The network office's site_id (it charges the fee and enrolls no one). */
  office: string | undefined;
  /** Cents a student above the base year's enrollment costs (grown with cpi); a student fewer saves it. */
  costPerAddedPupil: number;
}

export const NETWORK_SETTING_KEYS = ['network_fee_basis', 'network_fee_rate', 'network_office_site', 'network_cost_per_added_pupil'] as const;

export function networkSettings(extra: Readonly<Record<string, string>>): Parsed<NetworkSettings> {
  const basis = (extra['network_fee_basis'] ?? 'pct_public_revenue').trim().toLowerCase();
  if (basis !== 'pct_public_revenue' && basis !== 'per_pupil') return fail(`Settings network_fee_basis: "${extra['network_fee_basis']}" is neither pct_public_revenue nor per_pupil`);
  const rate = numberSetting(extra, 'network_fee_rate');
  if (!rate.ok) return rate;
  if (basis === 'pct_public_revenue' && (rate.value < 0 || rate.value >= 1)) return fail(`Settings network_fee_rate: a share of public revenue must be from 0 to under 1 (0.12 = 12%), got ${rate.value}`);
  const cost = numberSetting(extra, 'network_cost_per_added_pupil');
  if (!cost.ok) return cost;
  const office = extra['network_office_site']?.trim() || undefined;
  return ok({ feeBasis: basis, feeRate: basis === 'per_pupil' ? Math.round(rate.value * 100) : rate.value, office, costPerAddedPupil: Math.round(cost.value * 100) });
}

function numberSetting(extra: Readonly<Record<string, string>>, key: string): Parsed<number> {
  const raw = extra[key];
  if (raw === undefined || raw.trim() === '') return ok(0);
  const text = raw.trim().replace(/[$,]/g, '');
  const v = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  return Number.isFinite(v) && v >= 0 ? ok(v) : fail(`Settings ${key}: "${raw}" is not a number of 0 or more`);
}
