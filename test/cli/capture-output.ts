import { afterEach, beforeEach, vi } from 'vitest';

/**
 * What a CLI command writes to stdout during each test of the describe block (or file) that calls
 * this; stderr is silenced. `text` is reset before every test, `clear()` resets it mid-test.
 */
export function captureCliOutput(): { readonly text: string; clear(): void } {
  let text = '';
  beforeEach(() => {
    text = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { text += String(s); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());
  return { get text() { return text; }, clear() { text = ''; } };
}
