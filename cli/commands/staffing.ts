import type { Project } from '../../models/project/project';
import { withStaffingDefaults } from '../../models/staffing/defaults';
import { fmtNumber, money, textTable } from '../../models/staffing/format';
import { staffingMetrics } from '../../models/staffing/metrics';
import { scenarioStaffingParams } from '../../models/staffing/params';
import { defaultStaffingYear, staffingPlan } from '../../models/staffing/plan';
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
  const year = flagInt(args, 'year', 1900, 2200) ?? defaultStaffingYear(project);
  const scenario = flagString(args, 'scenario');
  const params = scenarioStaffingParams(project, scenario, year);
  if (params === null) {
    const names = [...new Set(project.scenarios.map((s) => s.scenario))];
    throw new InputError(`no scenario "${scenario}" in ${target}${names.length > 0 ? ` (scenarios: ${names.join(', ')})` : ' (it has no scenarios)'}`);
  }
  const enrollment = project.enrollment.filter((e) => e.year === year);
  if (enrollment.length === 0) throw new InputError(`${target} has no enrollment for ${year}`);
  const plan = staffingPlan({ project, year, enrollment, params });
  const metrics = staffingMetrics({ project, year, enrollment, params });

  if (args.flags.has('json')) {
    const out = {
      project: target,
      year,
      scenario: scenario ?? null,
      params,
      rules_source: plan.rulesSource,
      preset: plan.rulesSource === 'preset' ? plan.preset : null,
      defaulted_sheets: defaulted,
      sites: plan.sites.map((r) => ({
        site_id: r.site_id, site_name: r.site_name, level: r.level, role: r.role,
        required_fte: r.required_fte, actual_fte: r.actual_fte, vacant_fte: r.vacant_fte, gap_fte: r.gap_fte,
        gap_cost_cents_schedule: r.gap_cost_cents_schedule, gap_cost_cents_actual: r.gap_cost_cents_actual,
        gap_funding: r.gap_funding, counted: r.counted, rules: r.rules,
      })),
      by_role: plan.byRole,
      totals: plan.totals,
      metrics,
      warnings: [...warnings, ...plan.warnings],
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }

  const w = (s: string) => process.stdout.write(s + '\n');
  w(`Staffing ${project.settings.district_name}, ${year}${scenario ? `, scenario "${scenario}"` : ''}`);
  w(`Rules: ${plan.rulesSource === 'project' ? 'the StaffingRules sheet' : `preset ${plan.preset} (the project has no StaffingRules sheet)`}`);
  if (defaulted.length > 0) w(`Illustrative defaults used for: ${defaulted.join(', ')}`);
  const p = Object.entries(params);
  if (p.length > 0) w(`Params: ${p.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  w('');
  w(textTable(['site', 'role', 'required', 'actual', 'gap', 'gap cost (schedule)', 'gap cost (actual)', 'funds'],
    plan.sites.filter((r) => r.gap_fte !== 0 || r.required_fte > 0).map((r) => [
      `${r.site_id} ${r.site_name}`, r.role, r.required_fte, r.actual_fte, r.gap_fte,
      money(r.gap_cost_cents_schedule), money(r.gap_cost_cents_actual),
      r.gap_funding.length > 1 ? r.gap_funding.map((f) => `${f.fund_code} ${Math.round(f.share * 100)}%`).join(' ') : (r.gap_funding[0]?.fund_code ?? ''),
    ])));
  w('');
  w(textTable(['role', 'required', 'actual', 'gap', 'per FTE (schedule)', 'gap cost (schedule)', 'gap cost (actual)'],
    plan.byRole.map((r) => [r.role, r.required_fte, r.actual_fte, r.gap_fte, money(r.cost_per_fte_cents_schedule), money(r.gap_cost_cents_schedule), money(r.gap_cost_cents_actual)])));
  w('');
  w(`Positions to add ${fmtNumber(plan.totals.positions_added_fte)} FTE, over the rules ${fmtNumber(plan.totals.positions_cut_fte)} FTE; net gap ${fmtNumber(plan.totals.gap_fte)} FTE costing ${money(plan.totals.gap_cost_cents_schedule)} at the schedule average, ${money(plan.totals.gap_cost_cents_actual)} at actual salaries.`);
  w(`Average class ${fmtNumber(metrics.avgClassSize)}; teacher load ${fmtNumber(metrics.teacherLoad)} students a day; collaboration ${fmtNumber(metrics.collaborationMinutesPerWeek)} min/week; ${fmtNumber(metrics.instructionalMinutesPerYear)} instructional min/year.`);
  const cl = Object.entries(metrics.caseloads);
  if (cl.length > 0) w(`Caseloads (students per required FTE): ${cl.map(([k, v]) => `${k} ${fmtNumber(v)}`).join(', ')}`);
  for (const warning of plan.warnings) w(`warning: ${warning}`);
  return EXIT.ok;
}
