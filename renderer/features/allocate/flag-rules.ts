import type { AllocationFlag } from '../../../models/allocate/flags';

/** The rule each flag applies, cited as a finance office would look it up. */
export const FLAG_RULES: Record<string, string> = {
  sns: 'ESEA §1118(b)(2): supplement, not supplant (Title I-neutral method)',
  comparability: 'ESEA §1118(c): comparability of services',
  idea_moe: 'IDEA, 34 CFR 300.203: local maintenance of effort',
  idea_moe_stand_in: 'IDEA, 34 CFR 300.203: local maintenance of effort',
  title1_125: 'ESEA §1113(c)(2)(A): the 125% rule',
  title1_bands: 'ESEA §1113(c)(1): per-child amounts by rank',
  title1_family_engagement: 'ESEA §1116(a)(3): parent and family engagement reservation',
  title1_min_per_pupil: 'ESEA §1113(c)(1): amounts by rank',
  title1_none_served: 'ESEA §1113(a): ranking of school attendance areas',
  lapse_risk: 'The fund’s end date (period of performance, 2 CFR 200.309)',
  fund_expired: 'The fund’s end date (period of performance, 2 CFR 200.309)',
  grant_ended: 'The fund’s end date (period of performance, 2 CFR 200.309)',
  no_eligible_needs: 'The fund’s eligible uses (Funds sheet)',
  cost_balance: 'District tolerance: cost-balance ratio within the band (allocation settings)',
  general_unallocated: 'The formula’s pool (rule set: base per pupil, pool)',
  pool_short: 'The formula’s pool (rule set: base per pupil, pool)',
  hold_harmless: 'Rule set: hold harmless / gains-and-losses collar',
  hold_harmless_infeasible: 'Rule set: hold harmless / gains-and-losses collar',
  unfunded_needs: 'Needs assessment (Needs sheet), funded in priority order',
  rules_approximation: 'The preset’s published source',
};

/** The first dollar amount a flag's message names (its amount), or null. */
export function flagAmount(f: AllocationFlag): string | null {
  return /-?\$[\d,]+\.\d\d/.exec(f.message)?.[0] ?? null;
}
