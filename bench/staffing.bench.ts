import { bench, timeIt } from './harness';
import { ProjectSchema, type Project } from '../models/project/project';
import { staffingPlan } from '../models/staffing/plan';
import { staffingMetrics } from '../models/staffing/metrics';
import { defaultStaffingRows } from '../models/staffing/defaults';
import { scheduleChangeCoster } from '../models/staffing/schedule-change';
import { mulberry32 } from '../models/random/mulberry32';

// 500 generated sites (300 elementary, 100 middle, 100 high) with grade enrollment, need counts,
// ~30 positions each on a lanes × steps schedule, a Schedules row each (with subject rows at high
// schools) and the default preset rules: the staffing plan (required vs actual by site and role,
// gap costs at schedule and actual salaries, funding splits) and every school's schedule metrics.


export function generatedStaffingProject(sitesN: number, seed = 7): Project {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const sites = [];
  const enrollment = [];
  const studentNeeds = [];
  const positions = [];
  const salary = [];
  for (const lane of ['BA', 'MA', 'PhD']) for (let step = 0; step < 25; step++) salary.push({ schedule: 'teachers', lane, step, salary: Math.round(48_500 * (lane === 'BA' ? 1 : lane === 'MA' ? 1.1 : 1.18) * 1.022 ** step) * 100 });
  const ROLES = ['teacher', 'counselor', 'assistant_principal', 'principal', 'sped_teacher', 'el_teacher'];
  let pid = 0;
  for (let i = 0; i < sitesN; i++) {
    const level = i < sitesN * 0.6 ? 'ES' : i < sitesN * 0.8 ? 'MS' : 'HS';
    const id = `S${i}`;
    sites.push({ site_id: id, name: `School ${i}`, level });
    const gs = level === 'ES' ? ['K', '1', '2', '3', '4', '5'] : level === 'MS' ? ['6', '7', '8'] : ['9', '10', '11', '12'];
    let total = 0;
    for (const grade of gs) {
      const n = int(level === 'HS' ? 200 : 60, level === 'HS' ? 400 : 130);
      total += n;
      for (const year of [2025, 2026]) enrollment.push({ site_id: id, year, grade, students: n });
    }
    studentNeeds.push({ site_id: id, year: 2026, counts: { econ_disadvantaged: Math.round(total * rnd()), english_learners: Math.round(total * 0.15 * rnd()), students_with_disabilities: Math.round(total * 0.14) } });
    const teachers = Math.round(total / 22);
    for (let t = 0; t < teachers + 6; t++) {
      const role = t < teachers ? 'teacher' : ROLES[t - teachers] ?? 'teacher';
      pid++;
      positions.push({ position_id: `P${pid}`, site_id: id, role, fte: 1, lane: ['BA', 'MA', 'PhD'][pid % 3], step: pid % 25, benefits_rate: 0.245, health_plan_cost: 1_440_000,
        funding: role === 'el_teacher' ? [{ fund_code: 'GEN', share: 0.7 }, { fund_code: 'STEL', share: 0.3 }] : [] });
    }
  }
  const project = ProjectSchema.parse({
    settings: { base_year: 2026 }, sites, enrollment, studentNeeds,
    funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 0 }],
    budget: [], positions, salary,
  });
  return { ...project, schedules: defaultStaffingRows(project).schedules };
}

/** Median process CPU time (user + system) of `reps` runs, in ms: on a shared machine wall time also counts other jobs. */
function cpuTimeIt(fn: () => unknown, reps = 9): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    fn();
    const u = process.cpuUsage(c);
    times.push((u.user + u.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

bench('staffing', async () => {
  const project = generatedStaffingProject(500);
  const enrollment = project.enrollment.filter((e) => e.year === 2026);
  const plan = await timeIt(() => staffingPlan({ project, year: 2026, enrollment }), 9, 3);
  const metrics = await timeIt(() => staffingMetrics({ project, year: 2026, enrollment, params: { class_size_delta: -2, periods_per_day: 8 } }), 9, 3);
  const planCpu = cpuTimeIt(() => staffingPlan({ project, year: 2026, enrollment }));
  const changes = await timeIt(() => {
    const price = scheduleChangeCoster(project, { year: 2026 });
    for (const s of project.sites) {
      price(s.site_id, { kind: 'collaboration_block', minutes_per_week: 90 });
      price(s.site_id, { kind: 'periods', periods_per_day: 8 });
      price(s.site_id, { kind: 'class_size_cap', class_size_cap: 28 });
    }
  }, 5, 2);
  return [
    { name: `staffing plan + schedules, 500 sites, ${project.positions.length} positions`, value: plan, unit: 'ms', target: { max: 100 } },
    { name: 'staffing plan + schedules, 500 sites (CPU time, incl. GC threads)', value: planCpu, unit: 'ms' },
    { name: 'staffingMetrics (one scenario-year), 500 sites', value: metrics, unit: 'ms', target: { max: 100 } },
    { name: 'schedule change costs, 500 sites × 3 changes', value: changes, unit: 'ms', target: { max: 100 } },
  ];
});
