import { z } from 'zod';

// The recovery file: unsaved work, written every few seconds while the project has unsaved changes
// (renderer/store/autosave.ts) and offered back at the next start. One file in userData, written
// through host/save-file.ts, so a crash mid-write leaves the previous recovery whole:
//
//   STEWARD-RECOVERY 1\n<meta JSON>\n<the project's .steward bytes>
//
// One file rather than bytes plus a separate meta file, so the two can never disagree. The meta
// holds the path the project was opened from (main-process only: the renderer gets a token).
// No Electron import.

const MAGIC = 'STEWARD-RECOVERY 1\n';
const MAX_META = 64 * 1024;

export const RecoveryMetaSchema = z.object({
  name: z.string().min(1).max(255),
  savedAt: z.string().max(40),
  path: z.string().min(1).max(4096).optional(),
  saveable: z.boolean(),
});
export type RecoveryMeta = z.infer<typeof RecoveryMetaSchema>;

export function encodeRecovery(meta: RecoveryMeta, bytes: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${MAGIC}${JSON.stringify(meta)}\n`);
  const out = new Uint8Array(head.length + bytes.length);
  out.set(head);
  out.set(bytes, head.length);
  return out;
}

/** The file → meta and bytes; null for anything that is not a complete recovery file. */
export function decodeRecovery(file: Uint8Array): { meta: RecoveryMeta; bytes: Uint8Array } | null {
  const magic = new TextEncoder().encode(MAGIC);
  if (file.length < magic.length || magic.some((b, i) => file[i] !== b)) return null;
  const end = file.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > MAX_META) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(magic.length, end)));
  } catch {
    return null;
  }
  const parsed = RecoveryMetaSchema.safeParse(meta);
  const bytes = file.subarray(end + 1);
  if (!parsed.success || bytes.length === 0) return null;
  return { meta: parsed.data, bytes };
}

export interface RecoveryIo {
  read(path: string): Promise<Uint8Array>;
  /** host/save-file.ts, without a backup. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface RecoveryStore {
  read(): Promise<{ meta: RecoveryMeta; bytes: Uint8Array } | null>;
  write(meta: RecoveryMeta, bytes: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

/** The store over one file. A file that cannot be decoded is left on disk (never deleted unread) and reads as none. */
export function createRecoveryStore(file: string, io: RecoveryIo): RecoveryStore {
  return {
    async read() {
      let raw: Uint8Array;
      try {
        raw = await io.read(file);
      } catch {
        return null;
      }
      return decodeRecovery(raw);
    },
    write: (meta, bytes) => io.write(file, encodeRecovery(meta, bytes)),
    async clear() {
      await io.remove(file).catch((e: NodeJS.ErrnoException) => {
        if (e?.code !== 'ENOENT') throw e;
      });
    },
  };
}
