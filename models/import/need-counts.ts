import { normaliseHeader } from '../schema/fields';
import { type STANDARD_NEEDS } from '../schema/tables';
import type { Cell } from './types';
import type { Spread } from './spread';
import { isPlaceholder } from './convert';
import { fastNumber } from './text-numbers';
import { parseGrade } from './grade';
import { parseNumber } from '../parse/values';

// StudentNeeds: every numeric column besides site and year is a need category. Standard
// categories are recognised by their usual report names; a "%" column becomes a count when the
// sheet has a total enrollment column (count = share × total, rounded), is skipped when a count
// column of the same category exists, and otherwise rejects the row with the reason.

const STANDARD_SYNONYMS: Record<(typeof STANDARD_NEEDS)[number], string[]> = {
  econ_disadvantaged: ['econ', 'economically disadvantaged', 'econ disadvantaged', 'poverty', 'frl', 'free reduced lunch', 'free or reduced lunch', 'free and reduced lunch', 'low income', 'at risk', 'atrisk'],
  english_learners: ['ell', 'el', 'ells', 'els', 'english language learners', 'english learners', 'lep', 'limited english proficient', 'ml', 'multilingual learners'],
  students_with_disabilities: ['swd', 'swds', 'sped', 'students with disabilities', 'with disabilities', 'special education', 'iep', 'disabilities', 'disability', 'special ed'],
};
const SYNONYM_TO_NEED = new Map<string, string>();
for (const [need, syns] of Object.entries(STANDARD_SYNONYMS)) {
  SYNONYM_TO_NEED.set(normaliseHeader(need), need);
  for (const s of syns) SYNONYM_TO_NEED.set(normaliseHeader(s), need);
}

const PERCENT_HEADER = /%|percent\b|pct\b|_per(cent)?\b|\bshare\b|\brate\b/i;
const COUNT_NOISE = /#|\bnum(ber)?\b|\bcount\b|\bno\.?\b|\bnumber of\b|\bstudents?\b|\benrollment\b|\bpercent\b|\bpct\b|%|_per\b|_num\b|\bshare\b|\brate\b/gi;
const TOTAL_HEADER = /^(total\s*enrollment|enrollment|total\s*students|total|membership|total\s*membership|students)$/i;
/** Columns that are numbers but not student counts: coordinates, codes, money. */
const NOT_A_NEED = /^(lat|lon|lng|latitude|longitude|ward|cluster|district|sector|zip|code|id|level|amt|amount|budget|allocation|cost|salary|dollars|year|fy|rank|index|ada)$/;

function isTotalHeader(h: string): boolean {
  if (TOTAL_HEADER.test(h.trim())) return true;
  const words = h.toLowerCase().split(/[^a-z0-9]+/);
  return words.includes('total') && (words.includes('enrollment') || words.includes('students') || words.includes('membership')) || /^total_?enrollment$/i.test(h.trim());
}

/** Need category named by a header: a standard one when recognised, else snake_case of the header. */
export function needCategory(header: string): string {
  // The standard names themselves first: stripping "students" below would turn
  // students_with_disabilities into with_disabilities.
  const whole = SYNONYM_TO_NEED.get(normaliseHeader(header));
  if (whole) return whole;
  const base = header.replace(/_/g, ' ').replace(COUNT_NOISE, ' ').replace(/(enrollment|count|pct|percent)$/i, '').replace(/\s+/g, ' ').trim();
  // "At-Risk for FY15 Projections", "ELL (K-12)": the name before a qualifier may be a standard need.
  const short = base.replace(/\(.*?\)/g, ' ').replace(/\b(for|in|as of|per)\b.*$/i, '').trim();
  const standard = SYNONYM_TO_NEED.get(normaliseHeader(base)) ?? SYNONYM_TO_NEED.get(normaliseHeader(short));
  if (standard) return standard;
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'need';
}

/**
 * Dollars, not students: a currency sign, or amounts above 100 with a fraction ("7081416.99" under
 * "FY14 FSF at 100%"). A count is whole and a share is at most 100, so such a column is neither a
 * need count nor a percent of students, whatever its header says; it is left out of the counts.
 */
export function looksLikeMoney(values: readonly Cell[]): boolean {
  return values.some((v) => {
    if (typeof v === 'string' && /\$/.test(v)) return true;
    const n = typeof v === 'number' ? v : typeof v === 'string' && !/%\s*$/.test(v) ? toNumber(v) : null;
    return typeof n === 'number' && Math.abs(n) > 100 && !Number.isInteger(n);
  });
}

function numericShare(values: readonly Cell[]): number {
  let n = 0;
  let hit = 0;
  for (const v of values) {
    if (v === null || v === '' || (typeof v === 'string' && (v.trim() === '' || isPlaceholder(v)))) continue;
    n++;
    if (typeof v === 'number' || (typeof v === 'string' && parseNumber(v.replace(/%\s*$/, '')).ok)) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

function toNumber(v: Cell): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (v === null || typeof v === 'boolean') return null;
  const t = v.trim();
  if (t === '' || isPlaceholder(t)) return null;
  const f = fastNumber(t);
  if (f !== undefined) return f;
  const r = parseNumber(t);
  return r.ok ? r.value : undefined;
}

export function needCountsSpread(headers: readonly string[], unmapped: readonly number[], sample: readonly (readonly Cell[])[]): Spread {
  let totalCol = -1;
  const countCols: { c: number; name: string }[] = [];
  const pctCols: { c: number; name: string; points: boolean }[] = [];
  const moneyCols: string[] = [];
  for (const c of unmapped) {
    const h = headers[c]!.trim();
    if (h === '') continue;
    const values = sample.map((r) => r[c] ?? null);
    if (numericShare(values) < 0.8) continue;
    if (isTotalHeader(h)) {
      if (totalCol < 0) totalCol = c;
      continue;
    }
    if (parseGrade(h) !== null) continue; // an enrollment-by-grade column, not a need
    if (h.toLowerCase().split(/[^a-z0-9]+/).some((w) => NOT_A_NEED.test(w) && w !== 'index')) continue;
    // A column with negative numbers is not a count of students.
    if (values.some((v) => (typeof v === 'number' && v < 0) || (typeof v === 'string' && /^\s*-\d/.test(v)))) continue;
    if (looksLikeMoney(values)) {
      moneyCols.push(h);
      continue;
    }
    const percent = PERCENT_HEADER.test(h) || /(pct|percent)$/i.test(h.trim()) || values.some((v) => typeof v === 'string' && /%\s*$/.test(v));
    const name = needCategory(h);
    if (percent) {
      const points = values.some((v) => {
        const n = toNumber(typeof v === 'string' ? v.replace(/%\s*$/, '') : v);
        return typeof n === 'number' && n > 1;
      }) || values.some((v) => typeof v === 'string' && /%\s*$/.test(v));
      pctCols.push({ c, name, points });
    } else countCols.push({ c, name });
  }
  const counted = new Set(countCols.map((x) => x.name));
  const skipped = pctCols.filter((p) => counted.has(p.name));
  const converted = pctCols.filter((p) => !counted.has(p.name));
  const notes: string[] = [];
  if (moneyCols.length > 0) notes.push(`dollar columns left out of the need counts: ${moneyCols.join(', ')}`);
  if (skipped.length > 0) notes.push(`percent columns skipped (a count column of the same need exists): ${skipped.map((p) => headers[p.c]!.trim()).join(', ')}`);
  if (converted.length > 0) {
    notes.push(totalCol >= 0
      ? `percent columns converted to counts with "${headers[totalCol]!.trim()}": ${converted.map((p) => headers[p.c]!.trim()).join(', ')}`
      : `percent columns with no total enrollment column to turn them into counts: ${converted.map((p) => headers[p.c]!.trim()).join(', ')}`);
  }
  return {
    columns: [...countCols.map((x) => x.c), ...pctCols.map((x) => x.c), ...(totalCol >= 0 ? [totalCol] : [])],
    supplies: ['counts'],
    note: notes.length > 0 ? notes.join('; ') : undefined,
    apply(row, base, bad) {
      const counts: Record<string, number> = Object.create(null) as Record<string, number>;
      let ok = true;
      for (const { c, name } of countCols) {
        const v = toNumber(row[c] ?? null);
        if (v === null) continue;
        if (v === undefined || v < 0) {
          bad(c, row[c] ?? null, v === undefined ? 'not a number' : 'a count cannot be negative');
          ok = false;
          continue;
        }
        counts[name] = (counts[name] ?? 0) + v;
      }
      let total: number | null | undefined = null;
      if (converted.length > 0 && totalCol >= 0) total = toNumber(row[totalCol] ?? null);
      for (const p of converted) {
        const raw = row[p.c] ?? null;
        const v = toNumber(typeof raw === 'string' ? raw.replace(/%\s*$/, '') : raw);
        if (v === null) continue;
        if (v === undefined || v < 0) {
          bad(p.c, raw, 'not a percent');
          ok = false;
          continue;
        }
        if (totalCol < 0) {
          bad(p.c, raw, `a percent, and the sheet has no total enrollment column to turn it into a count: add a count column for ${p.name}`);
          ok = false;
          continue;
        }
        if (typeof total !== 'number') {
          bad(totalCol, row[totalCol] ?? null, `total enrollment needed to turn ${headers[p.c]!.trim()} into a count`);
          ok = false;
          continue;
        }
        const share = p.points ? v / 100 : v;
        counts[p.name] = Math.round(share * total);
      }
      if (!ok) return null;
      base.counts = counts;
      return [base];
    },
  };
}
