import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { saveProject } from '../../host/project-io';
import { readExcelScenarios } from '../../models/import/scenario-manager/read';
import { changingCells, excelScenariosToOverrides, parseCellMap } from '../../models/import/scenario-manager/to-scenarios';
import { EXIT, InputError, UsageError, flagString, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

/**
 * `import-scenarios FILE.xlsx [PROJECT.steward --map CELL=driver[,…] [--out FILE.steward]] [--json]`:
 * Excel Scenario Manager scenarios (the `<scenarios>` block of a sheet) as Steward scenarios. With
 * FILE alone it lists the scenarios and their changing cells — the mapping the user confirms; with
 * PROJECT and --map every changing cell must map to one of the project's drivers, and the scenarios
 * are added to PROJECT's Scenarios (or written to --out).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { map: 'value', out: 'value', json: 'bool', ...PROJECT_FLAGS });
  const [file, target, ...rest] = args.positional;
  if (!file || rest.length > 0) throw new UsageError('expected FILE.xlsx [PROJECT.steward]');
  const read = readExcelScenarios(new Uint8Array(await readFile(file)), file);
  if (!read.ok) throw new InputError(read.reason);
  const scenarios = read.value;
  const cells = changingCells(scenarios);
  const mapText = flagString(args, 'map');
  if (target === undefined || mapText === undefined) {
    if (target !== undefined || mapText !== undefined) throw new UsageError('give PROJECT.steward and --map CELL=driver together (FILE alone lists the scenarios)');
    if (args.flags.has('json')) {
      process.stdout.write(JSON.stringify({ file, scenarios, changing_cells: cells }, null, 2) + '\n');
      return EXIT.ok;
    }
    const lines = [`${file}: ${scenarios.length} Scenario Manager scenario(s)`];
    for (const s of scenarios) lines.push(`  ${s.name} (sheet ${s.sheet})${s.comment ? ` — ${s.comment}` : ''}: ${s.cells.map((c) => `${c.ref}=${c.text}`).join(', ')}`);
    lines.push('', 'Changing cells to map to drivers:', ...cells.map((c) => `  ${c.sheet}!${c.ref} (in ${c.scenarios.join(', ')})`), '',
      `Confirm the mapping: steward import-scenarios ${file} PROJECT.steward --map ${cells.map((c) => `${c.ref}=DRIVER`).join(',')}`);
    process.stdout.write(lines.join('\n') + '\n');
    return EXIT.ok;
  }
  const map = parseCellMap(mapText);
  if (!map.ok) throw new UsageError(map.reason);
  const out = flagString(args, 'out') ?? target;
  if (extname(out).toLowerCase() !== '.steward') throw new UsageError(`${out} is not a .steward project: give --out FILE.steward to keep the scenarios in one`);
  const { project } = await projectFor('snapshot', { positional: [target], flags: args.flags });
  const rows = excelScenariosToOverrides(project, scenarios, map.value, file);
  if (!rows.ok) throw new InputError(rows.reason);
  await saveProject(out, { ...project, scenarios: [...project.scenarios, ...rows.value] });
  if (args.flags.has('json')) process.stdout.write(JSON.stringify({ file, project: out, added: rows.value }, null, 2) + '\n');
  else process.stdout.write(`${scenarios.length} scenario(s) from ${file} added to ${out}: ${scenarios.map((s) => s.name).join(', ')} (${rows.value.length} driver value(s))\n`);
  return EXIT.ok;
}
