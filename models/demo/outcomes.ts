import type { OutcomeRow } from '../outcomes/tables';
import { makeRng } from './prng';
import { BASE_YEAR, SCHOOLS } from './schools';

// The demo's Outcomes sheet: five years of plausible school and program measures. It draws from a
// random stream of its own (seed + 1713), so adding it changes no other demo figure.

const YEARS = [BASE_YEAR - 4, BASE_YEAR - 3, BASE_YEAR - 2, BASE_YEAR - 1, BASE_YEAR];
const SOURCE = 'Riverbend state report card (fictional)';
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp = (x: number) => Math.min(0.99, Math.max(0.02, x));

/** A measure over the years: a start, a yearly trend and noise; `turn` bends the last two years. */
function series(rng: ReturnType<typeof makeRng>, start: number, trend: number, noise: number, turn = 0): number[] {
  return YEARS.map((_, i) => r3(clamp(start + trend * i + (i >= YEARS.length - 2 ? turn * (i - (YEARS.length - 3)) : 0) + rng.normal() * noise)));
}

export function demoOutcomes(seed: number): OutcomeRow[] {
  const rng = makeRng(seed + 1713);
  const rows: OutcomeRow[] = [];
  const add = (where: { site_id?: string; program?: string }, measure: string, values: number[], higherIsBetter: boolean, source = SOURCE) =>
    YEARS.forEach((year, i) => rows.push({ ...where, year, measure, value: values[i]!, higher_is_better: higherIsBetter, source }));
  for (const s of SCHOOLS) {
    const p = s.poverty;
    // Proficiency falls with poverty; a few schools slip in the last two years (the review's flags).
    const turn = rng.chance(0.3) ? -0.025 : 0;
    if (s.level === 'HS') {
      add({ site_id: s.site_id }, 'graduation_rate', series(rng, 0.93 - 0.2 * p, 0.006, 0.008, turn), true);
    } else {
      add({ site_id: s.site_id }, 'ela_proficiency', series(rng, 0.68 - 0.38 * p, 0.008, 0.012, turn), true);
      add({ site_id: s.site_id }, 'math_proficiency', series(rng, 0.62 - 0.4 * p, 0.01, 0.014, turn), true);
    }
    add({ site_id: s.site_id }, 'chronic_absence', series(rng, 0.08 + 0.2 * p, -0.004, 0.008), false);
  }
  add({ program: 'early_childhood' }, 'kindergarten_readiness', series(rng, 0.55, 0.02, 0.01), true);
  add({ program: 'el' }, 'el_reclassification_rate', series(rng, 0.14, 0.006, 0.006, -0.012), true);
  add({ program: 'sped' }, 'iep_goals_met', series(rng, 0.61, 0.012, 0.008), true, 'District special education annual review (fictional)');
  add({ program: 'title1' }, 'title1_schools_math_proficiency', series(rng, 0.31, 0.012, 0.01), true);
  add({ program: 'cte' }, 'industry_credential_rate', series(rng, 0.22, 0.015, 0.01), true);
  add({ program: 'summer' }, 'summer_reading_loss', series(rng, 0.18, 0.0, 0.008, 0.01), false, 'District summer program survey (fictional)');
  add({ program: 'guidance' }, 'fafsa_completion', series(rng, 0.48, 0.004, 0.01, -0.01), true);
  return rows;
}
