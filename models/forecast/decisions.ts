// When a backup plan has to be decided, and whether the figure that calls for it is known by then.
// A trigger reads a fiscal year's projected figures (its reserve, its deficit, …). The district
// sees FY T's figures in the projection it makes during FY T, on `figure_known` (config
// decisions.figure_known, MM-DD; default 01-31, the mid-year update on actuals to 31 January).
// The plan must be decided by its own deadline (the Triggers sheet's MM-DD: the last such date
// before the plan's first fiscal year starts — layoff notices 03-15) or, with none, before that
// year starts. When the figure is known after the deadline the decision is too late to wait for
// it: the district must act on an earlier projection — the one made in `decide_on_projection_made_in`.

export interface DecisionTiming {
  /** The date the plan must be decided by (ISO). */
  decide_by: string;
  /** The fiscal year whose projection first shows the trigger figure (the trigger year). */
  figure_known_in: number;
  /** The date that projection is made (ISO). */
  figure_known_on: string;
  /** The figure is known after the deadline: waiting for it is too late. */
  too_late: boolean;
  /** The latest fiscal year whose projection is made by the deadline: the one to decide on. */
  decide_on_projection_made_in: number;
  /** The deadline falls before the trigger year starts: the district must act on the forecast. */
  decide_before_trigger_year: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of fiscal year `fy` (named by the calendar year it ends in). */
export function fiscalYearStart(fy: number, startMonth: number): string {
  return `${startMonth > 1 ? fy - 1 : fy}-${pad(startMonth)}-01`;
}

/** The date MM-DD that falls within fiscal year `fy`. */
export function dateInFiscalYear(fy: number, mmdd: string, startMonth: number): string {
  const m = Number(mmdd.slice(0, 2));
  return `${startMonth > 1 && m >= startMonth ? fy - 1 : fy}-${mmdd}`;
}

/** The fiscal year an ISO date falls in. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return startMonth > 1 && m >= startMonth ? y + 1 : y;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last MM-DD strictly before `start`. */
function lastBefore(mmdd: string, start: string): string {
  const y = Number(start.slice(0, 4));
  const same = `${y}-${mmdd}`;
  return same < start ? same : `${y - 1}-${mmdd}`;
}

export function decisionTiming(triggerYear: number, effectiveYear: number, deadline: string | undefined, figureKnown: string, startMonth: number): DecisionTiming {
  const planStarts = fiscalYearStart(effectiveYear, startMonth);
  const decideBy = deadline ? lastBefore(deadline, planStarts) : dayBefore(planStarts);
  const knownOn = dateInFiscalYear(triggerYear, figureKnown, startMonth);
  let projection = Math.min(triggerYear, fiscalYearOf(decideBy, startMonth));
  if (dateInFiscalYear(projection, figureKnown, startMonth) > decideBy) projection -= 1;
  return {
    decide_by: decideBy, figure_known_in: triggerYear, figure_known_on: knownOn, too_late: knownOn > decideBy,
    decide_on_projection_made_in: projection, decide_before_trigger_year: decideBy < fiscalYearStart(triggerYear, startMonth),
  };
}
