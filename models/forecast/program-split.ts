import { apportion } from '../money/apportion';
import { asCents } from '../money/cents';
import type { Project } from '../project/project';
import { OBJECT_CLASSES, objectClassIndex } from './objects';

// The budget's program and function columns, carried through the forecast years. The engine costs
// spending by fund and object class; each fund × class cell of a projected year is split over the
// programs and functions its base-year budget lines name, in the lines' proportions (largest
// remainder, so the parts add up to the cell to the cent). A cell the base year has no lines for
// (positions a plan adds in a fund with no salary lines, say) is "(none)", as is a blank column.

/** A blank program or function, and a cell with no base-year lines to split it by. */
export const NONE = '(none)';

/** One fund × class cell's split: the (program, function) pairs its lines name, and their weights. */
interface CellSplit { programs: string[]; functions: string[]; weights: number[] }

export interface ProgramSplit {
  /** Fund code → [object class] the cell's split (absent: no lines). */
  cells: Map<string, (CellSplit | undefined)[]>;
}

/** The split of every fund × class cell from the base year's budget lines (else the latest year's before it, as prepare-lines.ts). */
export function programSplit(project: Project, baseYear: number): ProgramSplit {
  let lineYear = -Infinity;
  for (const l of project.budget) if (l.fiscal_year <= baseYear && l.fiscal_year > lineYear) lineYear = l.fiscal_year;
  const sums = new Map<string, Map<string, number>[]>();
  for (const l of project.budget) {
    if (l.fiscal_year !== lineYear) continue;
    let byClass = sums.get(l.fund_code);
    if (!byClass) sums.set(l.fund_code, (byClass = OBJECT_CLASSES.map(() => new Map<string, number>())));
    const key = `${label(l.program)}\u0000${label(l.function)}`;
    const cell = byClass[objectClassIndex(l.object)]!;
    cell.set(key, (cell.get(key) ?? 0) + l.amount);
  }
  const cells = new Map<string, (CellSplit | undefined)[]>();
  for (const [fund, byClass] of sums) {
    cells.set(fund, byClass.map((cell) => {
      // A negative line (a credit) cannot carry a share: the cell splits by its positive lines.
      const keys = [...cell.keys()].filter((k) => cell.get(k)! > 0).sort();
      if (keys.length === 0) return undefined;
      return { programs: keys.map((k) => k.split('\u0000')[0]!), functions: keys.map((k) => k.split('\u0000')[1]!), weights: keys.map((k) => cell.get(k)!) };
    }));
  }
  return { cells };
}

const label = (v: string | undefined) => (v === undefined || v.trim() === '' ? NONE : v.trim());

/** A year's spending by program and by function (all funds), and capital by function. */
export interface ProgramFunctionYear {
  expenditure_by_program: Record<string, number>;
  expenditure_by_function: Record<string, number>;
  /** Object class → function → cents: the infrastructure view (capital, purchased services by function). */
  object_by_function: Record<string, Record<string, number>>;
}

/** Splits each fund's spending by object class (cents) over its cells' programs and functions. */
export function splitByProgram(split: ProgramSplit, funds: readonly { fund_code: string; expenditure_by_object: Record<string, number> }[]): ProgramFunctionYear {
  const byProgram: Record<string, number> = {};
  const byFunction: Record<string, number> = {};
  const objectByFunction: Record<string, Record<string, number>> = {};
  const add = (r: Record<string, number>, k: string, v: number) => { r[k] = (r[k] ?? 0) + v; };
  for (const f of funds) {
    const cells = split.cells.get(f.fund_code);
    OBJECT_CLASSES.forEach((cls, c) => {
      const amount = f.expenditure_by_object[cls] ?? 0;
      if (amount === 0) return;
      const byFn = (objectByFunction[cls] ??= {});
      const cell = cells?.[c];
      if (!cell) { add(byProgram, NONE, amount); add(byFunction, NONE, amount); add(byFn, NONE, amount); return; }
      const parts = apportion(asCents(amount), cell.weights);
      parts.forEach((v, i) => { add(byProgram, cell.programs[i]!, v); add(byFunction, cell.functions[i]!, v); add(byFn, cell.functions[i]!, v); });
    });
  }
  return { expenditure_by_program: sorted(byProgram), expenditure_by_function: sorted(byFunction), object_by_function: Object.fromEntries(Object.entries(objectByFunction).map(([k, v]) => [k, sorted(v)])) };
}

/** Keys in order, so the JSON reads the same every run. */
function sorted(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]!]));
}
