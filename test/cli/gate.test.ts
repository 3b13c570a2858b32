import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';
import { ReportedError } from '../../cli/args';
import { workbookBytes } from '../../host/write-workbook';
import { demoSheets, sheet, WRONG, type Sheets } from '../models/project/wrong-workbooks';

// Every engine command on a project `validate` rejects: exit 1 (ReportedError), the same problem
// lines validate prints (on stderr), nothing on stdout but the refusal JSON with --json. Before the
// gate each of these ran with exit 0 on the rows that survived.

const dir = mkdtempSync(join(tmpdir(), 'steward-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, sheets: Sheets): string {
  const path = join(dir, name);
  writeFileSync(path, workbookBytes(sheets));
  return path;
}

const cli = captureCliOutput();

const ENGINE_COMMANDS: [string, string[]][] = [
  ['allocate', []], ['forecast', []], ['compare', []], ['sensitivity', []], ['staffing', []], ['schedule', []], ['timestudy', []], ['review', ['--as-of', '2026-03-31']],
];
const run = async (command: string, argv: string[]): Promise<number> => (await import(`../../cli/commands/${command}.ts`) as { run: (a: string[]) => Promise<number> }).run(argv);
const errorLines = (text: string) => text.split('\n').filter((l) => l.startsWith('error '));

describe('every command refuses what validate refuses', () => {
  const s = demoSheets();
  WRONG['a Drivers value written in words']!.change(s);
  WRONG['a need weight for a need that does not exist (english_learner)']!.change(s);
  const file = write('wrong.xlsx', s);

  it('validate lists the problems and exits 1', async () => {
    expect(await run('validate', [file])).toBe(1);
    const lines = errorLines(cli.text);
    expect(lines).toEqual([
      'error   wrong.xlsx, Drivers, row 12, column value ("five percent"): not a rate or percent: "five percent"',
      'error   wrong.xlsx, AllocationRules, row 2, column key ("english_learner"): need_weight: "english_learner" is no need category of StudentNeeds (columns: econ_disadvantaged, english_learners, homeless, students_with_disabilities): check the spelling',
    ]);
  });

  for (const [command, extra] of ENGINE_COMMANDS) {
    it(`${command} exits 1 with the same problems and computes nothing`, async () => {
      await run('validate', [file]);
      const expected = errorLines(cli.text);
      cli.clear();
      await expect(run(command, [file, ...extra])).rejects.toBeInstanceOf(ReportedError);
      expect(errorLines(cli.err)).toEqual(expected);
      expect(cli.err).toMatch(/wrong\.xlsx: 2 errors, 0 warnings: nothing was computed/);
      expect(cli.text).toBe('');
    });
  }

  it('with --json prints the refusal as validate --json does', async () => {
    await expect(run('forecast', [file, '--json'])).rejects.toBeInstanceOf(ReportedError);
    const j = JSON.parse(cli.text);
    expect(j).toMatchObject({ ok: false, errors: 2, warnings: 0 });
    expect(j.problems[0]).toMatchObject({ severity: 'error', sheet: 'Drivers', row: 12, column: 'value', value: 'five percent' });
  });
});

describe('tables a command does not need are optional', () => {
  const charter: Sheets = [
    { name: 'Settings', rows: [['key', 'value'], ['district_name', 'One Fund Charter'], ['base_year', 2026], ['beginning_fund_balance', 500000], ['reserve_policy_pct', 0.1]] },
    { name: 'Sites', rows: [['site_id', 'name', 'level'], ['A', 'Academy', 'K8']] },
    { name: 'Funds', rows: [['fund_code', 'name', 'source', 'restricted', 'available'], ['GEN', 'General', 'state', 'no', 5000000]] },
    { name: 'Budget', rows: [['fiscal_year', 'fund_code', 'object', 'amount'], [2026, 'GEN', 'salaries', 3000000], [2026, 'GEN', 'benefits', 900000], [2026, 'GEN', 'supplies', 600000], [2026, 'GEN', 'purchased_services', 400000]] },
    { name: 'Positions', rows: [['position_id', 'site_id', 'role', 'fte']] },
    { name: 'Drivers', rows: [['driver', 'value'], ['cola', 0.02], ['health_inflation', 0.06], ['state_aid_per_pupil_growth', 0.01]] },
  ];
  const file = write('charter.xlsx', charter);

  it('a one-fund district forecasts from Settings, Sites, Funds, Budget and Drivers; the notes go to stderr and into the JSON warnings', async () => {
    expect(await run('forecast', [file, '--json', '--years', '2'])).toBe(0);
    const j = JSON.parse(cli.text);
    // Base year: the budget, $4,900,000; 2027 (no positions: docs/forecast.md, "Personnel from budget
    // lines"): salaries × COLA 1.02 × step_increase 1.03 (the default), benefits (a line that does not
    // say which kind) × health 1.06, the rest × cpi 1.03:
    // 3,151,800 + 954,000 + 618,000 + 412,000 = 5,135,800.
    expect(j.scenarios[0].years.map((y: { expenditure_cents: number }) => y.expenditure_cents).slice(0, 2)).toEqual([490_000_000, 513_580_000]);
    expect(j.warnings).toContainEqual(expect.stringMatching(/^note +charter\.xlsx: no Enrollment sheet: read as an empty table/));
    expect(cli.err).toMatch(/^note +charter\.xlsx: no StudentNeeds sheet/m);
  });

  it('allocate says which table it needs', async () => {
    await expect(run('allocate', [file])).rejects.toBeInstanceOf(ReportedError);
    expect(errorLines(cli.err)).toEqual(['error   charter.xlsx, Enrollment: allocate needs the Enrollment table and charter.xlsx has no Enrollment sheet']);
  });
});

describe('the demo district passes the gate', () => {
  it('allocate --json carries an empty warnings list and prints nothing on stderr', async () => {
    expect(await run('allocate', ['demo', '--json'])).toBe(0);
    expect(JSON.parse(cli.text).warnings).toEqual([]);
    expect(cli.err).toBe('');
  });

  it('a Drivers sheet of per-year columns under a title is read, not dropped', async () => {
    const s = demoSheets();
    const d = sheet(s, 'Drivers');
    d.splice(0, d.length, ['Riverbend drivers'], [], ['driver', 'value', 2027, 2028, 2029], ['cpi', 0.05, 0.04, 0.03, 0.02]);
    const file = write('drivers-by-year.xlsx', s);
    expect(await run('validate', [file, '--json'])).toBe(0);
    expect(JSON.parse(cli.text).reports.find((r: { kind: string }) => r.kind === 'drivers')).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
  });
});
