import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecoveryStore, decodeRecovery, encodeRecovery } from '../../electron/recovery-store';
import { saveFile } from '../../host/save-file';

// The desktop recovery file: one file (meta + the project's bytes), written through the shared
// save routine, read back only when it is complete.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steward-recovery-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const meta = { name: 'district.steward', savedAt: '2026-03-01T10:00:00.000Z', path: '/home/ann/district.steward', saveable: true };

describe('the recovery file', () => {
  it('round-trips meta and bytes, newlines in the bytes included', () => {
    const bytes = new TextEncoder().encode('{\n  "format": "steward"\n}\n');
    const back = decodeRecovery(encodeRecovery(meta, bytes));
    expect(back?.meta).toEqual(meta);
    expect(new TextDecoder().decode(back!.bytes)).toBe('{\n  "format": "steward"\n}\n');
  });

  it('refuses anything that is not a complete recovery file', () => {
    const good = encodeRecovery(meta, new Uint8Array([1, 2]));
    const head = new TextEncoder().encode('STEWARD-RECOVERY 1\n').length;
    expect(decodeRecovery(new Uint8Array())).toBeNull();
    expect(decodeRecovery(new TextEncoder().encode('{"format":"steward"}'))).toBeNull();
    expect(decodeRecovery(good.subarray(0, head + 10))).toBeNull(); // cut inside the meta
    expect(decodeRecovery(good.subarray(0, good.length - 2))).toBeNull(); // no bytes
    expect(decodeRecovery(encodeRecovery({ ...meta, saveable: 'yes' } as never, new Uint8Array([1])))).toBeNull();
    expect(decodeRecovery(new TextEncoder().encode('STEWARD-RECOVERY 1\n{"name":"a","savedAt":"x","saveable":true,"__proto__":{"p":1}}\nabc'))).not.toBeNull();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('the store writes with the shared save routine (no backup), reads, clears; an unreadable file reads as none and is not deleted', async () => {
    const file = join(dir, 'unsaved-work.steward-recovery');
    const store = createRecoveryStore(file, {
      read: async (p) => new Uint8Array(await readFile(p)),
      write: (p, b) => saveFile(p, b, { backup: false }),
      remove: (p) => unlink(p),
    });
    expect(await store.read()).toBeNull();
    await store.write(meta, new Uint8Array([7, 8, 9]));
    await store.write({ ...meta, savedAt: '2026-03-01T10:00:05.000Z' }, new Uint8Array([7, 8, 9, 10]));
    const back = await store.read();
    expect(back?.meta.savedAt).toBe('2026-03-01T10:00:05.000Z');
    expect([...back!.bytes]).toEqual([7, 8, 9, 10]);
    await store.clear();
    await store.clear(); // already gone: fine
    expect(await store.read()).toBeNull();
    await writeFile(file, 'garbage');
    expect(await store.read()).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('garbage');
  });
});
