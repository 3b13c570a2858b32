import { afterEach, beforeEach, vi } from 'vitest';

/**
 * What a CLI command writes during each test of the describe block (or file) that calls this:
 * stdout as `text`, stderr as `err` (neither reaches the terminal). Both are reset before every
 * test; `clear()` resets them mid-test.
 */
export function captureCliOutput(): { readonly text: string; readonly err: string; clear(): void } {
  let text = '';
  let err = '';
  beforeEach(() => {
    text = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { text += String(s); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  });
  afterEach(() => vi.restoreAllMocks());
  return { get text() { return text; }, get err() { return err; }, clear() { text = ''; err = ''; } };
}
