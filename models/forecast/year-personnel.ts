import { chargeBucket } from './buckets';
import { BEN, C, SAL } from './objects';
import { heldBenefits, heldSalary, type PayIndex } from './pay';
import type { Prepared } from './prepare';
import { chargeReconciling } from './reconcile';
import type { Workspace } from './year';
import type { Addition } from './year-staff';

// Personnel of one forecast year: each bucket's pay as held × the share a plan leaves, charged to
// the funds that pay it; positions plans and staffing parameters add; the reconciling line.

export interface PersonnelYear {
  addedFte: number;
  /** FTE whose grant ended under the "cut" policy. */
  grantCutFte: number;
}

export function costPersonnel(p: Prepared, ws: Workspace, adds: readonly Addition[], ix: PayIndex, t: number, infl: Float64Array): PersonnelYear {
  const grantCutFte = chargePositions(p, ws, ix);
  const addedFte = chargeAdditions(p, ws, adds, ix.cola);
  // The reconciling line: the budget's personnel beyond the positions, grown with their pay.
  if (p.reconciling) { ws.recon.fill(0); chargeReconciling(p.reconciling, t, ix, infl, ws.payers, ws.spend, ws.recon); }
  return { addedFte, grantCutFte };
}

/** Schedule pay after k steps × COLA, less the expected turnover saving, for what each bucket still holds. */
function chargePositions(p: Prepared, ws: Workspace, ix: PayIndex): number {
  const b = p.buckets;
  const { scale, roleSalary, roleBenefits, roleFte } = ws;
  let lost = 0;
  for (let i = 0; i < b.count; i++) {
    const sc = scale[i]!;
    if (sc === 0) continue;
    // The bucket as held (before cuts), then the share of it that remains: the pension change is
    // on the held salary, so a bucket cut to `sc` pays sc × it (not sc², as the scaled salary would).
    const salF = heldSalary(b, i, ix);
    const benF = heldBenefits(b, i, ix, salF);
    const sal = Math.round(salF * sc);
    const ben = Math.round(benF * sc);
    const fte = b.fte[i]! * sc;
    const lostShare = chargeBucket(b, ws.spend, i, sal, ben, ws.payers);
    const keep = 1 - lostShare; // the part whose grant ended under the "cut" policy is gone
    const r = b.role[i]!;
    roleSalary[r]! += sal * keep;
    roleBenefits[r]! += ben * keep;
    roleFte[r]! += fte * keep;
    lost += fte * lostShare;
  }
  return lost;
}

function chargeAdditions(p: Prepared, ws: Workspace, adds: readonly Addition[], cola: number): number {
  const { roleSalary, roleBenefits, roleFte } = ws;
  const rate = p.config.personnel.default_benefits_rate;
  let added = 0;
  for (const a of adds) {
    const r = a.role >= 0 ? a.role : p.roles.length;
    let sal: number;
    let ben: number;
    if (a.amount > 0) {
      sal = Math.round(a.fte * a.amount * cola);
      ben = Math.round(sal * rate);
    } else if (roleFte[r]! > 0 || a.perFte === undefined) {
      // This year's average of the role's positions: steps, COLA and benefits already in it.
      sal = Math.round(a.fte * (roleFte[r]! > 0 ? roleSalary[r]! / roleFte[r]! : 0));
      ben = Math.round(a.fte * (roleFte[r]! > 0 ? roleBenefits[r]! / roleFte[r]! : 0));
    } else {
      // A role with no positions to average: the staffing engine's loaded schedule cost, with COLA.
      const loaded = Math.round(a.fte * a.perFte * cola);
      sal = Math.round(loaded / (1 + rate));
      ben = loaded - sal;
    }
    ws.spend[a.fund * C + SAL]! += sal;
    ws.spend[a.fund * C + BEN]! += ben;
    roleFte[r]! += a.fte;
    added += a.fte;
  }
  return added;
}
