import { parseAmount } from '../money/cents';

// The general fund's balance in its GASB Statement 54 classes, and the balance a reserve policy
// measures. GASB 54 classifies governmental fund balance as nonspendable (inventory, prepaids),
// restricted (externally imposed or by law), committed (by the board's formal action), assigned
// (intended use) and unassigned (the residual, in the general fund only). GFOA's best practice on
// fund balance in the general fund measures a reserve on unrestricted fund balance — committed +
// assigned + unassigned — against regular general-fund operating expenditures (many state rules
// and board policies use unassigned alone). Inputs are Settings keys (dollars): the classes of the
// beginning balance; the rest of it is unassigned.

export const RESERVE_BASES = ['unrestricted', 'unassigned'] as const;
export type ReserveBasis = (typeof RESERVE_BASES)[number];

/** The base year's classes (cents; unassigned is the rest) and the policy's basis. */
export interface FundBalancePolicy {
  nonspendable: number;
  restricted: number;
  committed: number;
  assigned: number;
  basis: ReserveBasis;
}

export interface FundBalanceClasses {
  nonspendable: number;
  restricted: number;
  committed: number;
  assigned: number;
  unassigned: number;
}

const CLASS_KEYS = ['nonspendable', 'restricted', 'committed', 'assigned'] as const;

/** Reads the Settings keys fund_balance_<class> (dollars) and reserve_policy_basis. */
export function fundBalancePolicy(extra: Readonly<Record<string, string>>, beginning: number, warnings: string[], errors: string[]): FundBalancePolicy {
  const policy: FundBalancePolicy = { nonspendable: 0, restricted: 0, committed: 0, assigned: 0, basis: 'unrestricted' };
  for (const c of CLASS_KEYS) {
    const key = `fund_balance_${c}`;
    const text = Object.hasOwn(extra, key) ? extra[key] : undefined;
    if (text === undefined) continue;
    const v = parseAmount(text);
    if (!v.ok) errors.push(`Settings ${key}: ${v.reason} (dollars of the beginning fund balance that are ${c})`);
    else if (v.value !== null && v.value < 0) errors.push(`Settings ${key}: ${text} is negative`);
    else policy[c] = v.value ?? 0;
  }
  const basis = Object.hasOwn(extra, 'reserve_policy_basis') ? extra['reserve_policy_basis']!.trim().toLowerCase() : '';
  if (basis !== '') {
    if ((RESERVE_BASES as readonly string[]).includes(basis)) policy.basis = basis as ReserveBasis;
    else errors.push(`Settings reserve_policy_basis: "${extra['reserve_policy_basis']}" — the reserve policy is measured on unrestricted or unassigned fund balance`);
  }
  const held = policy.nonspendable + policy.restricted + policy.committed + policy.assigned;
  if (held > beginning) warnings.push(`the fund balance classes in Settings (${held / 100} dollars) exceed the beginning fund balance (${beginning / 100}): unassigned starts negative`);
  return policy;
}

/**
 * A balance in its classes: nonspendable, restricted and committed held at their base-year amounts,
 * assigned too while the balance covers it (under GASB 54 only unassigned may be negative, and an
 * assignment may not create that deficit), unassigned the residual — negative only when the balance is below the other classes.
 */
export function classify(policy: FundBalancePolicy, total: number): FundBalanceClasses {
  const left = total - policy.nonspendable - policy.restricted - policy.committed;
  const assigned = Math.min(policy.assigned, Math.max(0, left));
  return { nonspendable: policy.nonspendable, restricted: policy.restricted, committed: policy.committed, assigned, unassigned: left - assigned };
}

/** The balance the reserve policy measures: unrestricted (committed + assigned + unassigned) or unassigned. */
export function reserveBalance(policy: FundBalancePolicy, total: number): number {
  if (policy.basis === 'unassigned') return classify(policy, total).unassigned;
  return total - policy.nonspendable - policy.restricted;
}
