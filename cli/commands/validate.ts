import { loadProject } from '../../host/project-io';
import type { Problem } from '../../models/project/problems';
import { EXIT, UsageError, parseArgs } from '../args';

/**
 * `validate PROJECT [--json]`: every problem in a project — import errors of each sheet and the
 * cross-table checks. Exit 0 when there are no errors (warnings are fine), 1 when there are.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool' });
  if (args.positional.length > 1) throw new UsageError(`expected one PROJECT, got ${args.positional.length}`);
  const target = args.positional[0] ?? 'demo';
  const loaded = await loadProject(target);
  // Row-level import errors are problems too: one list says everything that needs fixing.
  const problems: Problem[] = [...loaded.problems];
  for (const r of loaded.reports) {
    for (const e of r.errors) {
      // Totals, subtotals and footers are excluded on purpose: worth a line, not an error.
      const severity = /^excluded\b/i.test(e.reason) ? 'warning' : 'error';
      const p: Problem = { severity, table: r.kind, sheet: e.sheet, row: e.row, column: e.column, value: e.value, message: e.reason };
      const file = e.file ?? r.file;
      if (file) p.file = file;
      problems.push(p);
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (args.flags.has('json')) {
    const out = {
      project: target,
      source: loaded.source,
      ok: errors === 0,
      errors,
      warnings,
      problems,
      reports: loaded.reports.map((r) => ({ sheet: r.sheet, kind: r.kind, rows: r.rows, accepted: r.accepted, rejected: r.rejected, excluded: r.excluded })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of loaded.reports) process.stdout.write(`${r.sheet.padEnd(16)} ${String(r.rows).padStart(6)} rows  ${String(r.accepted).padStart(6)} accepted  ${String(r.rejected).padStart(5)} rejected\n`);
    for (const p of problems) process.stdout.write(`${p.severity === 'error' ? 'error  ' : 'warning'} ${where(p)}: ${p.message}\n`);
    process.stdout.write(`${target}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors === 0 ? EXIT.ok : EXIT.rejected;
}

function where(p: Problem): string {
  const parts = [p.file, p.sheet, p.row !== undefined ? `row ${p.row}` : undefined, p.column ? `column ${p.column}` : undefined].filter((x) => x !== undefined && x !== '');
  const place = parts.length > 0 ? parts.join(', ') : p.table;
  return p.value !== undefined && p.value !== '' ? `${place} ("${p.value}")` : place;
}
