import { allocate } from '../allocate/allocate';
import { forecastProject } from '../forecast/forecast';
import type { Project, ProjectInputs } from '../project/project';
import type { KeyResults } from '../project/snapshot';
import { COMMAND_TABLES, type CommandName } from '../project/requirements';
import { TABLES } from '../schema/tables';
import { withStaffingDefaults } from '../staffing/defaults';
import { scenarioStaffingParams } from '../staffing/params';
import { defaultStaffingYear, staffingPlan } from '../staffing/plan';
import { canonicalJson, fnv1a64 } from './canonical';

type Part = KeyResults['not_computed'][number]['part'];

/** The tables a part needs, as the command that prints it (`allocate`, `forecast --all`, `staffing`). */
const PART_COMMAND: Record<Part, CommandName> = { allocation: 'allocate', scenarios: 'forecast', fte_by_role: 'staffing' };

const asProject = (inputs: ProjectInputs): Project => ({ ...inputs, snapshots: [] });

/**
 * The figures a snapshot keeps, computed by the same engines and options as the CLI: the
 * allocation under the project's own rules (`steward allocate --json`: sites' allocation_cents,
 * equity), each scenario's ending balances (`steward forecast --all --json`) and FTE by role
 * (`steward staffing --json` by_role). A part whose tables are empty or whose engine refuses the
 * inputs is null, with the reason in not_computed. Callers gate the project first (cli/project.ts).
 */
export function keyResults(inputs: ProjectInputs): KeyResults {
  const project = asProject(inputs);
  const out: KeyResults = { allocation: null, scenarios: null, fte_by_role: null, not_computed: [] };
  const missing = (part: Part): boolean => {
    const empty = COMMAND_TABLES[PART_COMMAND[part]].filter((t) => ((project as unknown as Record<string, unknown[]>)[t] ?? []).length === 0);
    if (empty.length > 0) out.not_computed.push({ part, reason: `needs the ${empty.map((t) => TABLES[t].sheet).join(', ')} table${empty.length === 1 ? '' : 's'}` });
    return empty.length > 0;
  };
  const attempt = (part: Part, f: () => string | null) => {
    if (missing(part)) return;
    try {
      const reason = f();
      if (reason !== null) out.not_computed.push({ part, reason });
    } catch (e) {
      out.not_computed.push({ part, reason: e instanceof Error ? e.message : String(e) });
    }
  };
  attempt('allocation', () => {
    const r = allocate(project, {});
    if (!r.ok) return r.reason;
    const equity: Record<string, number> = {};
    for (const [k, v] of Object.entries(r.value.equity)) if (typeof v === 'number' && Number.isFinite(v)) equity[k] = v;
    out.allocation = { year: r.value.year, sites: r.value.sites.map((s) => ({ site_id: s.site_id, allocation_cents: s.allocation_cents })), equity };
    return null;
  });
  attempt('scenarios', () => {
    const r = forecastProject(project, { scenarios: 'all', lean: true });
    if (!r.ok) return r.reason;
    const broken = r.value.scenarios.find((s) => s.error);
    if (broken) return `scenario ${broken.name}: ${broken.error}`;
    out.scenarios = r.value.scenarios.map((s) => ({ name: s.name, years: s.years.map((y) => ({ year: y.year, ending_balance_cents: y.ending_balance_cents })) }));
    return null;
  });
  attempt('fte_by_role', () => {
    const staffed = withStaffingDefaults(project).project;
    const year = defaultStaffingYear(staffed);
    const params = scenarioStaffingParams(staffed, undefined, year);
    if (params === null) return 'no staffing parameters';
    const enrollment = staffed.enrollment.filter((e) => e.year === year);
    if (enrollment.length === 0) return `no enrollment for ${year}`;
    const plan = staffingPlan({ project: staffed, year, enrollment, params });
    out.fte_by_role = plan.byRole.map((r) => ({ role: r.role, required_fte: r.required_fte, actual_fte: r.actual_fte }));
    return null;
  });
  return out;
}

/** The hash a snapshot stores of its results. */
export function resultsHash(results: KeyResults): string {
  return fnv1a64(canonicalJson(results));
}
