import type { ImportFlags, OpenFileReply } from '../../electron/ipc-contract';
import type { TableKind } from '../../models/schema/tables';

/** Messages between the renderer and import.worker.ts (plain data; file bytes are transferred). */
export interface ImportRequest {
  name: string;
  files: { name: string; bytes: ArrayBuffer }[];
  /** Read every sheet as this table (the user's "Read as"), instead of guessing. */
  kind?: TableKind;
  /** The import panel's options (fill-down off, strict). */
  flags?: ImportFlags;
}

export type ImportResponse = { ok: true; reply: OpenFileReply } | { ok: false; message: string };

/** Browser-side limits, matching the desktop app's worker: big enough for any district export. */
export const IMPORT_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  timeoutMs: 60_000,
};
