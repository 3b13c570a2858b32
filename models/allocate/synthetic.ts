import { asCents } from '../money/cents';
import type { Project } from '../project/project';
import type { EnrollmentRow, Fund, Need, Site, StudentNeedsRow } from '../schema/tables';
import { mulberry32 } from '../random/mulberry32';

// A generated district for the benchmark and property tests: any number of sites, funds and needs,
// deterministic in its seed. Not a realistic district (that is models/demo); a stress shape.

export interface SyntheticSize {
  sites: number;
  funds: number;
  needs: number;
  seed?: number;
  year?: number;
}

const CATEGORIES = ['econ_disadvantaged', 'english_learners', 'students_with_disabilities', 'gifted', 'homeless', 'attendance'];
const LEVELS = ['ES', 'ES', 'ES', 'MS', 'HS', 'K8'] as const;
const GRADES_BY_LEVEL: Record<string, readonly string[]> = { ES: ['K', '1', '2', '3', '4', '5'], MS: ['6', '7', '8'], HS: ['9', '10', '11', '12'], K8: ['K', '1', '2', '3', '4', '5', '6', '7', '8'] };

export function syntheticProject(size: SyntheticSize): Project {
  const rnd = mulberry32(size.seed ?? 1);
  const year = size.year ?? 2026;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const sites: Site[] = [];
  const enrollment: EnrollmentRow[] = [];
  const studentNeeds: StudentNeedsRow[] = [];
  for (let i = 0; i < size.sites; i++) {
    const level = LEVELS[i % LEVELS.length]!;
    const site_id = `S${String(i + 1).padStart(4, '0')}`;
    sites.push({ site_id, name: `School ${i + 1}`, level });
    let total = 0;
    for (const y of [year - 1, year]) {
      total = 0;
      for (const grade of GRADES_BY_LEVEL[level]!) {
        const students = int(20, 140);
        total += students;
        enrollment.push({ site_id, year: y, grade: grade as EnrollmentRow['grade'], students });
      }
      const poverty = rnd();
      studentNeeds.push({
        site_id, year: y,
        counts: {
          econ_disadvantaged: Math.round(total * poverty), english_learners: Math.round(total * rnd() * 0.3),
          students_with_disabilities: Math.round(total * (0.08 + rnd() * 0.1)), gifted: Math.round(total * rnd() * 0.1),
          homeless: Math.round(total * rnd() * 0.03),
        },
      });
    }
  }
  const funds: Fund[] = [{ fund_code: 'GEN', name: 'General Fund', source: 'local', restricted: false, available: asCents(size.sites * 400 * 900_000), eligible_uses: ['any'] }];
  const extra = Math.max(0, size.funds - 1);
  for (let f = 0; f < extra; f++) {
    if (f === 0) { funds.push({ fund_code: 'T1A', name: 'Title I, Part A', source: 'federal', restricted: true, available: asCents(size.sites * 40_000_000), eligible_uses: ['econ_disadvantaged', 'attendance'], end_date: `${year + 1}-09-30` }); continue; }
    if (f === 1) { funds.push({ fund_code: 'IDEAB', name: 'IDEA Part B', source: 'federal', restricted: true, available: asCents(size.sites * 30_000_000), eligible_uses: ['any'], end_date: `${year + 1}-09-30` }); continue; }
    const restricted = f % 5 !== 4;
    const uses = restricted ? [CATEGORIES[f % CATEGORIES.length]!, CATEGORIES[(f * 7 + 3) % CATEGORIES.length]!] : ['any'];
    funds.push({
      fund_code: `F${String(f).padStart(2, '0')}`, name: `${restricted ? 'Grant' : 'Local fund'} ${f}`, source: restricted ? 'state' : 'local', restricted,
      available: asCents(Math.round(size.sites * int(500_000, 3_000_000))), eligible_uses: uses,
      ...(restricted ? { end_date: `${year - (f % 7 === 0 ? 1 : 0)}-${f % 3 === 0 ? '06-30' : '09-30'}` } : {}),
    });
  }
  const needs: Need[] = [];
  for (let n = 0; n < size.needs; n++) {
    const districtWide = rnd() < 0.05;
    needs.push({
      need_id: `N${String(n + 1).padStart(5, '0')}`, category: CATEGORIES[int(0, CATEGORIES.length - 1)]!,
      cost: asCents(int(500, 80_000) * 100), priority: int(1, 5),
      ...(districtWide ? {} : { site_id: sites[int(0, sites.length - 1)]!.site_id }),
    });
  }
  return {
    settings: { district_name: 'Synthetic', base_year: year, horizon_years: 5, beginning_fund_balance: asCents(0), reserve_policy_pct: 0.08, seed: 1, extra: {} },
    sites, enrollment, studentNeeds, funds, budget: [], positions: [], salary: [], needs, actuals: [], drivers: [], scenarios: [], mappingTemplates: [],
    // 97% of the general fund goes through the formula, so the needs register competes for the rest.
    allocate: { rules: [{ name: 'synthetic', pool_cents: Math.round(funds[0]!.available * 0.97), need_weights: { econ_disadvantaged: 0.2, english_learners: 0.3, students_with_disabilities: 0.9 } }] },
  } as unknown as Project;
}
