import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFromArgv } from '../../electron/launch-args';

// Which file a launch (or a second launch) asks Steward to open: a double-clicked .steward on
// Windows and Linux arrives as an argument.

const cwd = resolve('/home/ann');

describe('fileFromArgv', () => {
  it('a packaged app: the first openable argument, made absolute', () => {
    expect(fileFromArgv(['/opt/Steward/steward', 'district.steward'], { cwd, defaultApp: false })).toBe(join(cwd, 'district.steward'));
    expect(fileFromArgv(['/opt/Steward/steward', resolve('/data/b.XLSX')], { cwd, defaultApp: false })).toBe(resolve('/data/b.XLSX'));
  });

  it('`electron .` (defaultApp): skips the app folder', () => {
    expect(fileFromArgv(['/usr/bin/electron', '.', 'x.steward'], { cwd, defaultApp: true })).toBe(join(cwd, 'x.steward'));
    expect(fileFromArgv(['/usr/bin/electron', 'a.steward'], { cwd, defaultApp: true })).toBeNull();
  });

  it('skips switches Chromium and old macOS add, URLs, and files Steward does not open', () => {
    const argv = ['C:\\Steward\\Steward.exe', '--allow-file-access-from-files', '--original-process-start-time=1334', '-psn_0_12345', 'steward://open?x', 'https://evil.example/a.steward', 'notes.docx', 'budget.csv'];
    expect(fileFromArgv(argv, { cwd, defaultApp: false })).toBe(join(cwd, 'budget.csv'));
  });

  it('nothing to open', () => {
    expect(fileFromArgv(['/opt/Steward/steward'], { cwd, defaultApp: false })).toBeNull();
    expect(fileFromArgv(['/opt/Steward/steward', '--inspect', 'readme'], { cwd, defaultApp: false })).toBeNull();
    expect(fileFromArgv([], { cwd, defaultApp: false })).toBeNull();
  });
});
