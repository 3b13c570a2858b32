import type { FundingSplit, Grade, Position } from '../schema/tables';
import type { Rng } from './prng';
import { CENTRAL, SCHOOLS, type SchoolPlan } from './schools';
import { CLASSIFIED_STEPS, TEACHER_LANES, TEACHER_STEPS, type CLASSIFIED_RANGES } from './salary';

// Staffing of the demo district: classroom teachers from class-size targets by grade, specialists
// and support staff from school size and need counts, and a central office. Some positions are
// split-funded by Title I-A, IDEA-B, Title II-A, Title III-A and the state EL grant; a few are vacant.

type Pay =
  | { kind: 'teacher' }
  | { kind: 'classified'; range: (typeof CLASSIFIED_RANGES)[number] }
  | { kind: 'salary'; lo: number; hi: number };

export interface RoleSpec {
  role: string;
  /** Words used in budget line descriptions ("Salaries - Classroom teachers"). */
  label: string;
  pay: Pay;
  /** NCES-style function code the position's cost is budgeted under. */
  fn: string;
  program: string;
}

const R = (role: string, label: string, pay: Pay, fn: string, program: string): RoleSpec => ({ role, label, pay, fn, program });
const T: Pay = { kind: 'teacher' };
const C = (range: (typeof CLASSIFIED_RANGES)[number]): Pay => ({ kind: 'classified', range });
const S = (lo: number, hi: number): Pay => ({ kind: 'salary', lo, hi });

export const ROLES = {
  teacher: R('teacher', 'Classroom teachers', T, '1000', 'regular'),
  pk_teacher: R('teacher', 'Pre-K teachers', T, '1000', 'early_childhood'),
  specialist: R('specialist_teacher', 'Art, music and PE teachers', T, '1000', 'regular'),
  cte: R('cte_teacher', 'CTE teachers', T, '1000', 'cte'),
  sped: R('sped_teacher', 'Special education teachers', T, '1000', 'sped'),
  el: R('el_teacher', 'EL teachers', T, '1000', 'el'),
  interventionist: R('interventionist', 'Reading interventionists', T, '1000', 'title1'),
  coach: R('instructional_coach', 'Instructional coaches', T, '2200', 'pd'),
  counselor: R('counselor', 'Counselors', T, '2100', 'guidance'),
  librarian: R('librarian', 'Librarians', T, '2200', 'library'),
  nurse: R('nurse', 'Nurses', S(58_000, 72_000), '2100', 'health'),
  psychologist: R('psychologist', 'School psychologists', S(74_000, 96_000), '2100', 'sped'),
  slp: R('speech_pathologist', 'Speech-language pathologists', S(70_000, 92_000), '2100', 'sped'),
  principal: R('principal', 'Principals', S(118_000, 142_000), '2400', 'admin'),
  ap: R('assistant_principal', 'Assistant principals', S(96_000, 114_000), '2400', 'admin'),
  athletic: R('athletic_director', 'Athletic directors', S(78_000, 90_000), '2400', 'athletics'),
  office_manager: R('office_manager', 'Office managers', C('C4'), '2400', 'admin'),
  clerk: R('clerk', 'Clerks', C('C2'), '2400', 'admin'),
  aide: R('instructional_aide', 'Instructional aides', C('C1'), '1000', 'regular'),
  t1_aide: R('instructional_aide', 'Title I aides', C('C1'), '1000', 'title1'),
  sped_aide: R('sped_aide', 'Special education aides', C('C1'), '1000', 'sped'),
  custodian: R('custodian', 'Custodians', C('C2'), '2600', 'operations'),
  maintenance: R('maintenance', 'Maintenance technicians', C('C4'), '2600', 'operations'),
  bus_driver: R('bus_driver', 'Bus drivers', C('C3'), '2700', 'transportation'),
  superintendent: R('superintendent', 'Superintendent', S(212_000, 212_000), '2300', 'admin'),
  cabinet: R('director', 'Directors', S(128_000, 158_000), '2300', 'admin'),
  coordinator: R('coordinator', 'Program coordinators', S(86_000, 102_000), '2200', 'curriculum'),
  accountant: R('accountant', 'Accountants', C('C6'), '2500', 'business'),
  payroll: R('payroll_specialist', 'Payroll specialists', C('C4'), '2500', 'business'),
  hr: R('hr_specialist', 'HR specialists', C('C4'), '2300', 'hr'),
  it: R('it_technician', 'IT technicians', C('C5'), '2800', 'technology'),
  warehouse: R('warehouse', 'Warehouse staff', C('C2'), '2500', 'business'),
} as const satisfies Record<string, RoleSpec>;

export const HEALTH_PLAN_DOLLARS = 14_400;
export const CERTIFICATED_BENEFITS = 0.245;
export const CLASSIFIED_BENEFITS = 0.215;

export interface DemoPosition {
  position: Position;
  spec: RoleSpec;
}

const CLASS_SIZE: Partial<Record<Grade, number>> = { PK: 18, K: 21, '1': 21, '2': 22, '3': 22, '4': 26, '5': 26, '6': 27, '7': 27, '8': 27 };
const HS_CLASS_SIZE = 28;

/** Title I schools: elementary, K-8 and middle schools at or above 50% poverty (ranked, served in order). */
export function titleISchools(): SchoolPlan[] {
  return SCHOOLS.filter((s) => s.level !== 'HS' && s.poverty >= 0.5).sort((a, b) => b.poverty - a.poverty);
}

export function demoPositions(
  rng: Rng,
  enrollmentBySiteGrade: ReadonlyMap<string, number>,
  needsBySite: ReadonlyMap<string, Record<string, number>>,
): DemoPosition[] {
  const out: DemoPosition[] = [];
  let seq = 0;
  const gen: FundingSplit[] = [{ fund_code: 'GEN', share: 1 }];
  const add = (site: string, spec: RoleSpec, fte = 1, funding: FundingSplit[] = gen, vacancyRate = 0.03) => {
    seq += 1;
    const vacant = rng.chance(vacancyRate);
    const position: Position = {
      position_id: `P${String(seq).padStart(5, '0')}`,
      site_id: site,
      role: spec.role,
      fte,
      funding: funding.map((f) => ({ ...f })),
      status: vacant ? 'vacant' : 'filled',
      benefits_rate: spec.pay.kind === 'classified' ? CLASSIFIED_BENEFITS : CERTIFICATED_BENEFITS,
      health_plan_cost: fte >= 0.5 ? HEALTH_PLAN_DOLLARS * 100 : 0,
    };
    if (spec.pay.kind === 'teacher') {
      // Vacancies are budgeted at BA step 3, the district's usual hiring placement.
      position.lane = vacant ? 'BA' : rng.weighted(TEACHER_LANES.map((l, i) => [l, [25, 15, 15, 25, 15, 5][i]!] as const));
      position.step = vacant ? 3 : Math.min(TEACHER_STEPS - 1, Math.floor(Math.abs(rng.normal()) * 9 + rng.next() * 4));
    } else if (spec.pay.kind === 'classified') {
      position.lane = spec.pay.range;
      position.step = vacant ? 0 : rng.int(0, CLASSIFIED_STEPS - 1);
    } else {
      position.salary = Math.round(rng.range(spec.pay.lo, spec.pay.hi + 1) / 500) * 500 * 100;
    }
    out.push({ position, spec });
  };
  const times = (n: number, f: () => void) => { for (let i = 0; i < n; i++) f(); };
  const titleI = new Set(titleISchools().map((s) => s.site_id));

  for (const school of SCHOOLS) {
    const site = school.site_id;
    const needs = needsBySite.get(site) ?? {};
    let total = 0;
    for (const grade of school.grades) {
      const n = enrollmentBySiteGrade.get(`${site}|${grade}`) ?? 0;
      total += n;
      if (school.level !== 'HS') times(Math.max(1, Math.ceil(n / (CLASS_SIZE[grade] ?? 26))), () => add(site, grade === 'PK' ? ROLES.pk_teacher : ROLES.teacher));
    }
    if (school.level === 'HS') times(Math.ceil(total / HS_CLASS_SIZE / 1.2), () => add(site, ROLES.teacher));
    const big = total > 900;
    times(school.level === 'ES' ? 2 : big ? 6 : 4, () => add(site, ROLES.specialist));
    if (school.level === 'ES' || school.level === 'K8') add(site, ROLES.specialist, 0.5);
    if (school.level === 'HS') times(6, () => add(site, ROLES.cte));
    const swd = needs.students_with_disabilities ?? 0;
    const el = needs.english_learners ?? 0;
    times(Math.max(1, Math.round(swd / 22)), () => add(site, ROLES.sped));
    times(Math.max(1, Math.round(swd / 18)), () => add(site, ROLES.sped_aide, 1, [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'IDEAB', share: 0.4 }]));
    const elTeachers = Math.round(el / 55);
    times(elTeachers, () => add(site, ROLES.el, 1, [{ fund_code: 'GEN', share: 0.7 }, { fund_code: 'STEL', share: 0.3 }]));
    if (elTeachers === 0 && el > 0) add(site, ROLES.el, 0.5, [{ fund_code: 'STEL', share: 1 }]);
    if (titleI.has(site)) {
      add(site, ROLES.interventionist, 1, [{ fund_code: 'T1A', share: 1 }]);
      add(site, ROLES.interventionist, 1, [{ fund_code: 'GEN', share: 0.5 }, { fund_code: 'T1A', share: 0.5 }]);
      add(site, ROLES.coach, 1, [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1A', share: 0.4 }]);
      times(2, () => add(site, ROLES.t1_aide, 0.75, [{ fund_code: 'T1A', share: 1 }]));
    }
    times(Math.max(1, Math.round(total / 400)), () => add(site, ROLES.counselor, 1, gen, 0));
    add(site, ROLES.librarian, school.level === 'ES' ? 0.5 : 1);
    add(site, ROLES.nurse, school.level === 'ES' ? 0.5 : 1, gen, 0);
    add(site, ROLES.principal, 1, gen, 0);
    times(Math.floor(total / 600), () => add(site, ROLES.ap, 1, gen, 0));
    if (school.level === 'HS') add(site, ROLES.athletic, 1, gen, 0);
    add(site, ROLES.office_manager, 1, gen, 0);
    times(Math.max(1, Math.round(total / 350)), () => add(site, ROLES.clerk));
    times(Math.max(2, Math.round(total / 130)), () => add(site, ROLES.aide, rng.chance(0.3) ? 0.75 : 1));
    times(Math.max(2, Math.round(total / 190)), () => add(site, ROLES.custodian));
  }

  const co = CENTRAL.site_id;
  add(co, ROLES.superintendent, 1, gen, 0);
  times(6, () => add(co, ROLES.cabinet, 1, gen, 0));
  times(5, () => add(co, ROLES.coordinator, 1, gen, 0));
  add(co, ROLES.coordinator, 1, [{ fund_code: 'GEN', share: 0.5 }, { fund_code: 'T3A', share: 0.5 }], 0); // EL coordinator
  add(co, ROLES.coordinator, 1, [{ fund_code: 'GEN', share: 0.3 }, { fund_code: 'IDEAB', share: 0.7 }], 0); // special education
  times(3, () => add(co, ROLES.coach, 1, [{ fund_code: 'T2A', share: 1 }]));
  times(6, () => add(co, ROLES.psychologist, 1, [{ fund_code: 'GEN', share: 0.75 }, { fund_code: 'IDEAB', share: 0.25 }]));
  times(6, () => add(co, ROLES.slp, 1, [{ fund_code: 'GEN', share: 0.75 }, { fund_code: 'IDEAB', share: 0.25 }]));
  times(4, () => add(co, ROLES.accountant));
  times(3, () => add(co, ROLES.payroll));
  times(5, () => add(co, ROLES.hr));
  times(9, () => add(co, ROLES.it));
  times(3, () => add(co, ROLES.warehouse));
  times(12, () => add(co, ROLES.maintenance));
  times(38, () => add(co, ROLES.bus_driver, rng.chance(0.4) ? 0.75 : 1, gen, 0.08));
  return out;
}
