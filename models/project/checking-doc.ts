import { TABLES, type TableKind } from '../schema/tables';
import { COMMAND_TABLES, type CommandName } from './requirements';

/** The part of docs/workbook.md that says how a workbook is checked before anything is computed. */
export function checkingMarkdown(): string {
  const rows = (Object.entries(COMMAND_TABLES) as [CommandName, readonly TableKind[]][])
    .filter(([c]) => c !== 'validate')
    .map(([c, t]) => `| ${c} | Settings${t.map((k) => `, ${TABLES[k].sheet}`).join('')} |`);
  return [
    '## How a workbook is checked',
    '',
    '`steward validate PROJECT` lists every problem; **every other command, and the app, first make the same checks and',
    'compute nothing while there is an error** (exit 1, the same list on stderr — with `--json` also the validate-style',
    'JSON on stdout). Warnings and notes go to stderr and into the command\'s JSON `warnings`. The errors:',
    '',
    '- a row the import could not read (a value in words where a number belongs, a negative count, a missing key) — the',
    '  row is never dropped quietly; totals, subtotals and footer rows are left out with a warning;',
    '- a sheet whose header cannot be found;',
    '- a reference to nothing: an unknown site or fund, a duplicate id, a funding split that does not add to 100%;',
    '- a rule name that matches nothing, on its row: a need weight for `english_learner` when StudentNeeds counts',
    '  `english_learners`, a grade weight for a grade that does not exist, a scenario or Drivers row naming no driver, a plan',
    '  cutting a role no position has, a trigger reading an unknown indicator, a formula that does not compile',
    '  ([formulas.md](formulas.md));',
    '- a built-in driver written as a percent without the % sign (`cola` = 3 would be 300%).',
    '',
    'Only Settings (with `base_year`) is required of every workbook. Each command needs the tables below to have rows;',
    'any other sheet may be left out and is read as an empty table, with a note saying what that means (no Positions',
    'sheet: the forecast projects personnel from the Budget\'s salary and benefit lines).',
    '',
    '| command | needs |',
    '|---|---|',
    ...rows,
    '',
    'Per-year values of a driver go in columns named by year: `driver | value | 2027 | 2028 | 2029`.',
    '',
  ].join('\n');
}
