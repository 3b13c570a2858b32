import { asCents, type Cents } from '../money/cents';
import { fail, ok, type Parsed } from '../result';
import type { AllocateConfig } from './config';
import { dollars, flag, type AllocationFlag } from './flags';

/** What comes off the top of the Title I, Part A allocation before schools are ranked. */
export interface Title1Reservations {
  /** The district's allocation (the fund's available money). */
  allocation_cents: Cents;
  /** Parent and family engagement (§1116(a)(3)(A)): 0 when the allocation is $500,000 or less. */
  family_engagement_cents: Cents;
  /** The part of it distributed to Title I schools (§1116(a)(3)(C)). */
  family_engagement_schools_cents: Cents;
  /** The rest, kept at the district for district-level engagement activities. */
  family_engagement_district_cents: Cents;
  /** Equitable services for private-school children (§1117). */
  equitable_services_cents: Cents;
  /** Homeless children and youths (§1113(c)(3)(A)). */
  homeless_cents: Cents;
  /** Neglected and delinquent children (§1113(c)(3)(B)–(C)). */
  neglected_delinquent_cents: Cents;
  /** `reserve_share` kept at the district for district-wide needs in the register. */
  district_reserve_cents: Cents;
  /** Reserved for a purpose (not the register): family engagement at the district + equitable services + homeless + neglected/delinquent. */
  reserved_cents: Cents;
  /** What the §1113 ranking shares among schools. */
  schools_cents: Cents;
}

/** The family-engagement reservation is required of a district whose allocation exceeds $500,000 (§1116(a)(3)(A)). */
export const FAMILY_ENGAGEMENT_FLOOR_CENTS = 50_000_000;

/** ⌈x⌉ without float noise: 265,000,000 × 0.01 is 2,650,000.0000000005 in binary floating point. */
const ceilCents = (x: number): number => Math.ceil(x - 1e-6);

/**
 * The reservations, in cents. Family engagement = ⌈allocation × share⌉ when the allocation is over
 * $500,000 (at least 1% by law), of which ⌈× to_schools⌉ goes to schools (at least 90%); the
 * other reservations are the district's own figures. Together they may not exceed the allocation.
 */
export function title1Reservations(available: Cents, r: AllocateConfig['title1']['reservations'], reserveShare: number): Parsed<{ reservations: Title1Reservations; flags: AllocationFlag[] }> {
  const flags: AllocationFlag[] = [];
  const total = Math.max(0, available);
  const required = total > FAMILY_ENGAGEMENT_FLOOR_CENTS;
  const fe = required ? ceilCents(total * r.family_engagement_share) : 0;
  const feSchools = ceilCents(fe * r.family_engagement_to_schools);
  if (required && r.family_engagement_share < 0.01) {
    flags.push(flag('warning', 'title1_family_engagement', `Title I: the allocation of ${dollars(total)} is over $500,000, so at least 1% (${dollars(ceilCents(total * 0.01))}) must be reserved for parent and family engagement (§1116(a)(3)(A)); the settings reserve ${(r.family_engagement_share * 100).toFixed(2)}%.`));
  }
  if (required && fe > 0 && r.family_engagement_to_schools < 0.9) {
    flags.push(flag('warning', 'title1_family_engagement', `Title I: at least 90% of the parent and family engagement reservation must go to Title I schools (§1116(a)(3)(C)); the settings send ${(r.family_engagement_to_schools * 100).toFixed(1)}%.`));
  }
  const districtReserve = Math.round(total * reserveShare);
  const offTop = fe + r.equitable_services_cents + r.homeless_cents + r.neglected_delinquent_cents + districtReserve;
  if (offTop > total) {
    return fail(`Title I reservations (family engagement ${dollars(fe)}, equitable services ${dollars(r.equitable_services_cents)}, homeless ${dollars(r.homeless_cents)}, neglected/delinquent ${dollars(r.neglected_delinquent_cents)}, district reserve ${dollars(districtReserve)}) come to ${dollars(offTop)}, more than the allocation of ${dollars(total)}`);
  }
  const reserved = fe - feSchools + r.equitable_services_cents + r.homeless_cents + r.neglected_delinquent_cents;
  return ok({
    reservations: {
      allocation_cents: asCents(total),
      family_engagement_cents: asCents(fe),
      family_engagement_schools_cents: asCents(feSchools),
      family_engagement_district_cents: asCents(fe - feSchools),
      equitable_services_cents: asCents(r.equitable_services_cents),
      homeless_cents: asCents(r.homeless_cents),
      neglected_delinquent_cents: asCents(r.neglected_delinquent_cents),
      district_reserve_cents: asCents(districtReserve),
      reserved_cents: asCents(reserved),
      schools_cents: asCents(total - offTop),
    },
    flags,
  });
}
