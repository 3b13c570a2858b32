import { apportion } from '../money/apportion';
import { asCents, type Cents } from '../money/cents';
import type { NetworkSettings } from './settings';

// The network office's management fee. Its revenue is one figure — the rate × the schools' public
// revenue, or the per-pupil amount × their students — rounded once; each school's fee is that
// total split in proportion to its public revenue (or its students) by largest remainder, so the
// schools' fees add up to the office's fee revenue to the cent.

export interface FeeSchool { site_id: string; public_revenue: number; students: number }

export interface FeeAllocation { total_cents: Cents; by_school: Record<string, Cents> }

export function allocateFee(schools: readonly FeeSchool[], s: Pick<NetworkSettings, 'feeBasis' | 'feeRate'>): FeeAllocation {
  const perPupil = s.feeBasis === 'per_pupil';
  const weights = schools.map((x) => Math.max(0, perPupil ? x.students : x.public_revenue));
  const base = weights.reduce((a, b) => a + b, 0);
  const total = asCents(Math.round(base * s.feeRate));
  const parts = apportion(total, weights);
  return { total_cents: total, by_school: Object.fromEntries(schools.map((x, i) => [x.site_id, parts[i]!])) };
}
