import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { templateSheets } from '../../models/project/template';
import { writeWorkbook } from '../../host/write-workbook';
import { EXIT, UsageError, parseArgs } from '../args';

/** `template OUT.xlsx [--force]`: an empty district workbook with every sheet, its header, and a Notes sheet. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { force: 'bool', json: 'bool' });
  const [out, ...extra] = args.positional;
  if (!out) throw new UsageError('give the workbook to write, e.g. template district.xlsx');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`OUT must end in .xlsx, got "${out}"`);
  const path = resolve(out);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UsageError(`${out} is a folder`);
    if (!args.flags.has('force')) {
      process.stderr.write(`steward template: ${out} already exists; add --force to replace it\n`);
      return EXIT.rejected;
    }
  }
  const sheets = templateSheets();
  await writeWorkbook(path, sheets);
  const notes = sheets.find((s) => s.name === 'Notes');
  const summary = { file: path, sheets: sheets.map((s) => ({ name: s.name, columns: s.name === 'Notes' ? (notes?.rows.length ?? 1) - 1 : (s.rows[0]?.length ?? 0) })) };
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } else {
    process.stdout.write(`wrote ${path}\n`);
    for (const s of summary.sheets) process.stdout.write(`  ${s.name.padEnd(18)} ${s.name === 'Notes' ? `${s.columns} column notes` : `${s.columns} columns`}\n`);
  }
  return EXIT.ok;
}
