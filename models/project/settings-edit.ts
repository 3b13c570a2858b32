import { SettingsSchema, type Settings } from '../schema/tables';
import { SETTING_PARSERS, settingKey } from './from-grids';
import { centsText } from './cell-edit';
import { SETTINGS_KEYS } from './to-sheets';

// The Settings sheet is key/value rows; the project holds them typed (SettingsSchema). The Data
// screen shows and edits them as rows, each value read as the importer reads the Settings sheet
// (from-grids.ts SETTING_PARSERS) and the result checked with SettingsSchema. Built-in settings
// cannot be renamed or deleted: a missing base_year would stop every command, and the others
// would fall back to defaults without anyone deciding so.

export interface SettingRow {
  key: string;
  /** The value as text that reads back as the same value ("8%", "11220000.00"). */
  value: string;
  /** A built-in setting (typed), not one of the further keys kept as text. */
  known: boolean;
}

export type SettingsParse = { ok: true; settings: Settings } | { ok: false; message: string };

const KNOWN = new Set<string>(SETTINGS_KEYS);

function valueText(key: string, settings: Settings): string {
  const v = settings[key as (typeof SETTINGS_KEYS)[number]];
  if (key === 'beginning_fund_balance') return centsText(v as number);
  if (key === 'reserve_policy_pct') return `${Number(((v as number) * 100).toPrecision(12))}%`;
  return String(v);
}

/** The settings as the rows of the Settings sheet, built-in keys first. */
export function settingRows(settings: Settings): SettingRow[] {
  const rows: SettingRow[] = SETTINGS_KEYS.map((key) => ({ key, value: valueText(key, settings), known: true }));
  for (const [key, value] of Object.entries(settings.extra)) rows.push({ key, value, known: false });
  return rows;
}

function checked(next: unknown): SettingsParse {
  const r = SettingsSchema.safeParse(next);
  if (r.success) return { ok: true, settings: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, message: `${issue.path.join('.') || 'settings'}: ${issue.message}` };
}

function extraWith(extra: Readonly<Record<string, string>>, change: (out: Record<string, string>) => void): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(extra)) out[k] = v;
  change(out);
  return out;
}

/** The settings with one value typed in, or why not. */
export function settingsWithValue(settings: Settings, key: string, text: string): SettingsParse {
  if (KNOWN.has(key)) {
    const parse = SETTING_PARSERS[key]!;
    const r = parse(text);
    if (!r.ok) return { ok: false, message: `${key}: ${r.reason}` };
    if (r.value === null || r.value === undefined) return { ok: false, message: `${key}: blank` };
    return checked({ ...settings, [key]: r.value });
  }
  if (!Object.hasOwn(settings.extra, key)) return { ok: false, message: `no setting ${key}` };
  return checked({ ...settings, extra: extraWith(settings.extra, (e) => { e[key] = text.trim(); }) });
}

/** A new key for a setting added on the Data screen, or why it cannot be one. */
function newKeyProblem(settings: Settings, key: string): string | null {
  if (key === '') return 'missing key';
  if (KNOWN.has(key)) return `${key} is a built-in setting: edit its value on its own row`;
  if (Object.hasOwn(settings.extra, key)) return `there is a setting ${key} already`;
  return null;
}

/** The settings with a further key renamed. */
export function settingsWithKey(settings: Settings, oldKey: string, typed: string): SettingsParse {
  if (KNOWN.has(oldKey)) return { ok: false, message: `${oldKey} is a built-in setting and keeps its name` };
  const key = settingKey(typed);
  if (key === oldKey) return { ok: true, settings };
  const problem = newKeyProblem(settings, key);
  if (problem) return { ok: false, message: problem };
  return checked({ ...settings, extra: extraWith(settings.extra, (e) => { e[key] = e[oldKey]!; delete e[oldKey]; }) });
}

/** The settings with a further key added. */
export function settingsWithNew(settings: Settings, typedKey: string, text: string): SettingsParse {
  const key = settingKey(typedKey);
  const problem = newKeyProblem(settings, key);
  if (problem) return { ok: false, message: problem };
  return checked({ ...settings, extra: extraWith(settings.extra, (e) => { e[key] = text.trim(); }) });
}

/** The settings without some further keys (built-in ones cannot be deleted). */
export function settingsWithout(settings: Settings, keys: readonly string[]): SettingsParse {
  const builtIn = keys.filter((k) => KNOWN.has(k));
  if (builtIn.length > 0) return { ok: false, message: `${builtIn.join(', ')} ${builtIn.length === 1 ? 'is a built-in setting' : 'are built-in settings'} and cannot be deleted` };
  return checked({ ...settings, extra: extraWith(settings.extra, (e) => { for (const k of keys) delete e[k]; }) });
}
