#!/usr/bin/env node
import { EXIT, InputError, ReportedError, UsageError } from './args';

/** A command: takes its own argv, writes to stdout, returns an exit code. */
export type Command = (argv: string[]) => Promise<number>;

// Each command lives in its own file and is loaded only when run, so `steward import` does not
// pay for loading the forecast engine.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  import: { summary: 'import FILE [--as KIND] [--sheet NAME|all] [--map f=Col,…] [--set f=v,…] [--json]', load: async () => (await import('./commands/import')).run },
  template: { summary: 'template OUT.xlsx   write an empty district workbook with notes', load: async () => (await import('./commands/template')).run },
  validate: { summary: 'validate PROJECT [--json]   list every problem in a project', load: async () => (await import('./commands/validate')).run },
  allocate: { summary: 'allocate PROJECT [--rules NAME|--preset boston|houston|nyc] [--optimize] [--json] [--out result.xlsx]', load: async () => (await import('./commands/allocate')).run },
  review: { summary: 'review PROJECT --actuals FILE --as-of DATE [--accept NEED,… --save FILE] [--json]', load: async () => (await import('./commands/review')).run },
  outcomes: { summary: 'outcomes PROJECT [--json]   spending per pupil against outcome measures, per site and program', load: async () => (await import('./commands/outcomes')).run },
  forecast: { summary: 'forecast PROJECT [--scenario NAME|--all] [--years N] [--trials N --seed S [--allow-failed-trials]] [--json] [--out report.xlsx]', load: async () => (await import('./commands/forecast')).run },
  compare: { summary: 'compare PROJECT [--metrics …] [--json] [--out compare.xlsx]', load: async () => (await import('./commands/compare')).run },
  sensitivity: { summary: 'sensitivity PROJECT [--json]', load: async () => (await import('./commands/sensitivity')).run },
  staffing: { summary: 'staffing PROJECT [--scenario NAME] [--json]', load: async () => (await import('./commands/staffing')).run },
  schedule: { summary: 'schedule PROJECT [--site ID] [--json]', load: async () => (await import('./commands/schedule')).run },
  snapshot: { summary: 'snapshot PROJECT --name NAME [--note TEXT] [--presented] [--out FILE.steward] | --list [--json]   keep the project as it is, by name', load: async () => (await import('./commands/snapshot')).run },
  diff: { summary: 'diff PROJECT --from NAME [--to NAME] [--json]   what changed since a snapshot: inputs, then the figures that moved', load: async () => (await import('./commands/diff')).run },
  selfcheck: { summary: 'selfcheck PROJECT [--json]   practices 13, 14, 15a, 15b: where the district stands, with evidence', load: async () => (await import('./commands/selfcheck')).run },
  'import-scenarios': { summary: 'import-scenarios FILE.xlsx [PROJECT.steward --map CELL=driver[,…] [--out FILE.steward]] [--json]   Excel Scenario Manager scenarios as Steward scenarios', load: async () => (await import('./commands/import-scenarios')).run },
  report: { summary: 'report PROJECT --out board.xlsx|board.pdf [--scenario NAME[,NAME…]] [--years N] [--trials N] [--seed S] [--date YYYY-MM-DD] [--snapshot NAME] [--json]', load: async () => (await import('./commands/report')).run },
  timestudy: { summary: 'timestudy PROJECT [--json]', load: async () => (await import('./commands/timestudy')).run },
};

function usage(): string {
  return ['usage: steward COMMAND [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`), '',
    'PROJECT is a district workbook (.xlsx/.xls/.ods), a folder of CSVs, a .steward file, "demo" (a district) or "demo-network" (a charter network).',
    'Exit codes: 0 success, 1 input rejected, 2 usage error.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`steward: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    return await (await cmd.load())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`steward ${name}: ${e.message}\n${cmd.summary}\n`);
      return EXIT.usage;
    }
    if (e instanceof ReportedError) return EXIT.rejected;
    if (e instanceof InputError) {
      process.stderr.write(`steward ${name}: ${e.message}\n`);
      return EXIT.rejected;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`steward: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 70; },
);
