import { extname, isAbsolute, resolve } from 'node:path';

// Which file the app was asked to open from its command line: a double-clicked .steward on Windows
// and Linux (the file association passes its path), "Open with Steward" for a workbook, or a second
// launch whose arguments the first instance receives ('second-instance'). macOS sends 'open-file'
// events instead. No Electron import.

/** What Steward can open (the open dialog's list): a project, a workbook, a CSV export. */
export const OPENABLE = new Set(['.steward', '.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.tsv', '.txt']);

/**
 * The first openable file among the arguments, as an absolute path; null when there is none.
 * Skips the executable (and the app folder when run as `electron .`: `defaultApp`), switches
 * (`--flag`, `-psn_…` from old macOS Finder launches) and URLs.
 */
export function fileFromArgv(argv: readonly string[], opts: { cwd: string; defaultApp: boolean }): string | null {
  const args = argv.slice(opts.defaultApp ? 2 : 1);
  for (const arg of args) {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('-')) continue;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue;
    if (!OPENABLE.has(extname(arg).toLowerCase())) continue;
    return isAbsolute(arg) ? resolve(arg) : resolve(opts.cwd, arg);
  }
  return null;
}
