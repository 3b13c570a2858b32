import type { ReportData } from './gather';

// The board report's one-page summary in plain language: the budget, how fair the allocation is,
// what the scenarios show, which plan triggers and when, and the odds of breaching the reserve.
// Each paragraph is built from the same figures the tables show.

const usd = (cents: number) => `${cents < 0 ? '−' : ''}$${Math.round(Math.abs(cents) / 100).toLocaleString('en-US')}`;
/** Millions to one decimal; smaller amounts in whole dollars ("a surplus of $0.0 million" says nothing). */
const millions = (cents: number) => (Math.abs(cents) < 1e8 ? usd(cents) : `${cents < 0 ? '−' : ''}$${(Math.abs(cents) / 1e8).toFixed(1)} million`);
const pct = (x: number, digits = 1) => `${x < 0 ? '−' : ''}${(Math.abs(x) * 100).toFixed(digits)}%`;

export interface SummaryParagraph {
  heading: string;
  text: string;
}

export function plainSummary(d: ReportData): SummaryParagraph[] {
  const f = d.forecast;
  const base = f.scenarios[0]!;
  const first = base.years[0];
  const last = base.years.at(-1);
  const a = d.allocation;
  const out: SummaryParagraph[] = [];

  if (first && last) {
    const deficitYears = base.years.filter((y) => y.surplus_cents < 0).map((y) => y.year);
    out.push({
      heading: 'The budget',
      text: `In ${first.year} the district expects ${millions(first.revenue_cents)} of revenue and ${millions(first.expenditure_cents)} of spending, ` +
        `${first.surplus_cents >= 0 ? `a surplus of ${millions(first.surplus_cents)}` : `a deficit of ${millions(-first.surplus_cents)}`}, for ${first.enrollment.toLocaleString('en-US')} students. ` +
        `On current assumptions the fund balance goes from ${millions(first.beginning_balance_cents)} to ${millions(last.ending_balance_cents)} by ${last.year}` +
        `${deficitYears.length > 0 ? `, with spending above revenue in ${deficitYears.join(', ')}` : ''}. ` +
        `The reserve policy is ${pct(f.reserve_policy_pct)} of spending; the reserve is ${pct(last.reserve_pct)} in ${last.year}.`,
    });
  }

  const total = a.sites.reduce((t, s) => t + s.allocation_cents, 0);
  const perPupil = a.sites.filter((s) => s.per_pupil_cents !== null && s.enrollment > 0);
  const hi = perPupil.reduce((m, s) => (m === null || s.per_pupil_cents! > m.per_pupil_cents! ? s : m), null as (typeof perPupil)[number] | null);
  const lo = perPupil.reduce((m, s) => (m === null || s.per_pupil_cents! < m.per_pupil_cents! ? s : m), null as (typeof perPupil)[number] | null);
  const unfunded = a.needs.filter((n) => n.status !== 'funded');
  const gap = a.needs.reduce((t, n) => t + n.cost_cents - n.funded_cents, 0);
  out.push({
    heading: 'Is the allocation fair?',
    text: `${usd(total)} goes to ${a.sites.length} sites under the "${a.rules.name}" rules. ` +
      (hi && lo ? `Per pupil it ranges from ${usd(lo.per_pupil_cents!)} (${lo.name}) to ${usd(hi.per_pupil_cents!)} (${hi.name}); ` : '') +
      `a Gini coefficient of ${a.equity.gini.toFixed(3)} (0 is perfectly even) and a correlation of ${a.vertical_equity.correlation.toFixed(2)} between money per pupil and poverty ` +
      `${a.vertical_equity.correlation > 0 ? 'mean schools with more need get more' : 'mean money does not follow need'}. ` +
      `The needs register is ${pct(a.coverage, 0)} covered (weighted by priority)${unfunded.length > 0 ? `; ${unfunded.length} need(s) are not fully funded, ${usd(gap)} short` : ''}. ` +
      `${a.flags.filter((x) => x.severity !== 'info').length} compliance flag(s) need attention.`,
  });

  const scen = f.scenarios.map((s) => ({ name: s.name, min: Math.min(...s.years.map((y) => y.reserve_pct)), below: s.years.filter((y) => y.below_policy).map((y) => y.year) }));
  const breaching = scen.filter((s) => s.below.length > 0);
  const worst = scen.reduce((m, s) => (s.min < m.min ? s : m), scen[0]!);
  out.push({
    heading: 'The scenarios',
    text: `${scen.length} scenario(s) were run over ${base.years.length} years. ` +
      (breaching.length === 0 ? `In none of them does the reserve fall below the ${pct(f.reserve_policy_pct)} policy. ` :
        `In ${breaching.length === scen.length ? `all ${scen.length}` : `${breaching.length} of them`} the reserve falls below policy: ${breaching.map((s) => `${s.name} (from ${s.below[0]})`).join('; ')}. `) +
      `The hardest case is ${worst.name}, where the reserve reaches ${pct(worst.min)} at its lowest.`,
  });

  const switches = f.scenarios.flatMap((s) => s.plan_switches.map((sw) => ({ scenario: s.name, ...sw })));
  out.push({
    heading: 'Plans that trigger',
    text: switches.length === 0 ? 'No backup plan is triggered in any scenario.' :
      switches.slice(0, 4).map((sw) => `Under ${sw.scenario}, "${sw.plan}" starts in ${sw.year} because its trigger (${sw.condition}) fired in ${sw.trigger_year}` +
        `${sw.decide_by ? `; the decision is due by ${sw.decide_by}${sw.too_late ? ', before the figure is known' : ''}` : ''}.`).join(' ') +
      (switches.length > 4 ? ` ${switches.length - 4} more switch(es) are listed in the tables.` : ''),
  });

  const mc = d.monteCarlo;
  if (mc && mc.breach_probability.length > 0) {
    const peak = mc.breach_probability.reduce((m, b) => (b.p > m.p ? b : m), mc.breach_probability[0]!);
    const lastB = mc.bands.at(-1)!;
    out.push({
      heading: 'The odds of breaching the reserve',
      text: `Across ${mc.successful_trials.toLocaleString('en-US')} simulated futures of ${d.focus} (seed ${mc.seed}), the chance that the reserve is below policy is highest in ${peak.year}: ${pct(peak.p, 0)}. ` +
        `By ${lastB.year} the ending balance is between ${millions(lastB.p5)} and ${millions(lastB.p95)} in 90% of them (median ${millions(lastB.p50)}).`,
    });
  } else {
    out.push({ heading: 'The odds of breaching the reserve', text: 'Monte Carlo was not run for this report.' });
  }
  return out;
}
