import { normaliseHeader } from '../schema/fields';
import { TABLES, TABLE_KINDS, type TableKind } from '../schema/tables';
import { distinctHeaderTexts, findHeader } from './header';
import { headerScoreOf, prepareHeader } from './match';
import { fieldsOf, isSpreadKind } from './table-fields';
import { readTitleBlock } from './title-block';
import type { Grid } from './types';

// Which table a sheet holds, from its header: used when the user gives no --as, and to pick the
// best sheet (or every same-shaped sheet) of a workbook.

/**
 * How well a grid's best header row fits a table: the header columns the table's fields explain
 * (each field and column used once, best pairs first), scaled by the share of required fields
 * found (in a column or the title block). A table with one required field cannot win on that one
 * column against a table that explains the whole header. A sheet named after the table adds 2.
 */
export function kindScore(grid: Grid, kind: TableKind): number {
  const fields = fieldsOf(kind).filter((f) => !isSpreadKind(f));
  const header = findHeader(grid, fields);
  const sheet = normaliseHeader(grid.sheet);
  const named = sheet === normaliseHeader(TABLES[kind].sheet) || sheet === normaliseHeader(kind) ? 2 : 0;
  if (header.score === 0) return named;
  const title = readTitleBlock(grid, header.firstRow);
  // Equal header texts are scored once and used as often as they appear (a scan linear in the
  // header's width: issue 16 item 7); the count of named columns is still every column's.
  const namedColumns = header.headers.filter((h) => prepareHeader(h).norm !== '').length;
  const cells = distinctHeaderTexts(header.headers, fields.length, (h) => h !== '').map(({ text, count }) => ({ p: prepareHeader(text), count })).filter((x) => x.p.norm !== '');
  const pairs: { f: number; c: number; s: number }[] = [];
  fields.forEach((f, fi) => {
    cells.forEach(({ p }, c) => {
      const sc = headerScoreOf(p, f).score;
      if (sc >= 0.6) pairs.push({ f: fi, c, s: sc });
    });
  });
  pairs.sort((x, y) => y.s - x.s);
  const usedF = new Set<number>();
  const usedC = new Array<number>(cells.length).fill(0);
  let explained = 0;
  const scoreOfField = new Map<number, number>();
  for (const x of pairs) {
    if (usedF.has(x.f) || usedC[x.c]! >= cells[x.c]!.count) continue;
    usedF.add(x.f);
    usedC[x.c] = usedC[x.c]! + 1;
    scoreOfField.set(x.f, x.s);
    explained += x.s;
  }
  let required = 0;
  let found = 0;
  fields.forEach((f, fi) => {
    if (!f.required) return;
    required++;
    const fromTitle = (f.name === 'fund_code' && title.fund_code) || (f.name === 'site_id' && title.site_id) || (f.meta.kind === 'year' && title.fiscal_year);
    if (usedF.has(fi) || fromTitle) found++;
  });
  if (kind === 'salary') {
    // A matrix (steps down, lanes across) names only its step column: the lanes are the others,
    // the schedule name is the title or sheet name.
    const stepField = fields.findIndex((f) => f.name === 'step');
    const others = namedColumns - 1;
    // Only a column named like a step (not "School Year", a partial match) starts a matrix.
    if ((scoreOfField.get(stepField) ?? 0) >= 0.9 && others >= 2 && !fields.some((f, fi) => f.name === 'salary' && usedF.has(fi))) {
      found = required;
      explained += Math.min(others, 4) * 0.5;
    }
  }
  const coverage = required === 0 ? 1 : found / required;
  return explained * (0.25 + 0.75 * coverage) + named;
}

/** The table a grid most likely holds, by header match across TABLES (null when nothing fits). */
export function guessKind(grid: Grid): TableKind | null {
  let best: TableKind | null = null;
  let bestScore = 0.85;
  for (const kind of TABLE_KINDS) {
    const s = kindScore(grid, kind);
    if (s > bestScore + 1e-9) {
      best = kind;
      bestScore = s;
    }
  }
  return best;
}
