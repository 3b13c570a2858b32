import type { Project } from '../../models/project/project';
import { withStaffingDefaults } from '../../models/staffing/defaults';
import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { staffingReport } from '../../models/staffing/reports';
import { EXIT, InputError, flagInt, flagString, parseArgs, type ParsedArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * A project for the staffing commands (through the gate every command passes, cli/project.ts),
 * with illustrative staffing sheets where it has none — named in `defaulted`, never passed off as the district's.
 */
export async function loadStaffingProject(command: 'staffing' | 'schedule' | 'timestudy', args: ParsedArgs): Promise<{ project: Project; target: string; defaulted: string[]; warnings: string[] }> {
  const { project, target, warnings } = await projectFor(command, args);
  return { ...withStaffingDefaults(project), target, warnings };
}

/**
 * `staffing PROJECT [--scenario NAME] [--year YYYY] [--json]`: required against actual FTE by site
 * and role from the staffing rules, gaps costed at the schedule average and at actual salaries
 * (split over each role's funds), and the scenario's staffing and schedule metrics.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', scenario: 'value', year: 'value', ...PROJECT_FLAGS });
  const { project, target, defaulted, warnings } = await loadStaffingProject('staffing', args);
  const year = flagInt(args, 'year', 1900, 2200);
  const scenario = flagString(args, 'scenario');
  const built = staffingReport(project, defaulted, { scenario, year, target });
  if (!built.ok) throw new InputError(built.reason);
  const report = built.value.report;

  if (args.flags.has('json')) {
    const out = { project: target, ...report, warnings: [...warnings, ...report.warnings] };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }

  const w = (s: string) => process.stdout.write(s + '\n');
  const { metrics, params, totals } = report;
  w(`Staffing ${project.settings.district_name}, ${report.year}${scenario ? `, scenario "${scenario}"` : ''}`);
  w(`Rules: ${report.rules_source === 'project' ? 'the StaffingRules sheet' : `preset ${report.preset} (the project has no StaffingRules sheet)`}`);
  if (defaulted.length > 0) w(`Illustrative defaults used for: ${defaulted.join(', ')}`);
  const p = Object.entries(params);
  if (p.length > 0) w(`Params: ${p.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  w('');
  w(textTable(['site', 'role', 'required', 'actual', 'gap', 'gap cost (schedule)', 'gap cost (actual)', 'funds'],
    report.sites.filter((r) => r.gap_fte !== 0 || r.required_fte > 0).map((r) => [
      `${r.site_id} ${r.site_name}`, r.role, r.required_fte, r.actual_fte, r.gap_fte,
      money(r.gap_cost_cents_schedule), money(r.gap_cost_cents_actual),
      r.gap_funding.length > 1 ? r.gap_funding.map((f) => `${f.fund_code} ${Math.round(f.share * 100)}%`).join(' ') : (r.gap_funding[0]?.fund_code ?? ''),
    ])));
  w('');
  w(textTable(['role', 'required', 'actual', 'gap', 'per FTE (schedule)', 'gap cost (schedule)', 'gap cost (actual)'],
    report.by_role.map((r) => [r.role, r.required_fte, r.actual_fte, r.gap_fte, money(r.cost_per_fte_cents_schedule), money(r.gap_cost_cents_schedule), money(r.gap_cost_cents_actual)])));
  w('');
  w(`Positions to add ${fmtNumber(totals.positions_added_fte)} FTE, over the rules ${fmtNumber(totals.positions_cut_fte)} FTE; net gap ${fmtNumber(totals.gap_fte)} FTE costing ${money(totals.gap_cost_cents_schedule)} at the schedule average, ${money(totals.gap_cost_cents_actual)} at actual salaries.`);
  w(`Average class ${fmtNumber(metrics.avgClassSize)}; teacher load ${fmtNumber(metrics.teacherLoad)} students a day; collaboration ${fmtNumber(metrics.collaborationMinutesPerWeek)} min/week; ${fmtNumber(metrics.instructionalMinutesPerYear)} instructional min/year.`);
  const cl = Object.entries(metrics.caseloads);
  if (cl.length > 0) w(`Caseloads (students per required FTE): ${cl.map(([k, v]) => `${k} ${fmtNumber(v)}`).join(', ')}`);
  for (const warning of report.warnings) w(`warning: ${warning}`);
  return EXIT.ok;
}
