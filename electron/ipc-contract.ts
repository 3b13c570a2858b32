import { z } from 'zod';

// The one description of every message between the renderer and the Electron main process:
// channel → request schema → reply schema. The main process validates every request against it
// (a compromised renderer may send anything), the preload builds its API from it, and the renderer
// gets reply types from it. Pure: zod only, so the renderer and tests import it too.

export const AppVersionSchema = z.object({
  app: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string().nullable(),
});
export type AppVersion = z.infer<typeof AppVersionSchema>;

/** No payload: the renderer passes nothing (and anything it does pass is refused). */
const NoPayload = z.undefined();

const fileName = z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a file name, not a path');
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
/** A file's bytes with its name (no directories: the renderer never sees the user's paths). */
export const FileBytesSchema = z.object({ name: fileName, bytes: bytes });

/**
 * What the user chose in an open dialog: one file, or every readable file of a folder. `token`
 * stands for the path, which stays in the main process: saving back to the same file sends it.
 */
export const ChosenFilesSchema = z.object({ name: fileName, token: z.string().max(64), files: z.array(FileBytesSchema) });
export type ChosenFiles = z.infer<typeof ChosenFilesSchema>;

export const SavedFileSchema = z.object({ name: fileName, token: z.string().max(64) });
export type SavedFile = z.infer<typeof SavedFileSchema>;

/**
 * The main process only does what needs the operating system: dialogs, reading and writing bytes
 * (atomically). Opening, checking and computing happen in the renderer's engine worker, the same
 * code in the browser build (renderer/host/).
 */
export const IPC_CONTRACT = {
  'app:version': { request: NoPayload, reply: AppVersionSchema },
  // The path is chosen in a dialog in the main process; the renderer only says file or folder.
  // null reply = the user cancelled the dialog.
  'file:open': {
    request: z.strictObject({ folder: z.boolean().optional() }).optional(),
    reply: ChosenFilesSchema.nullable(),
  },
  // Save bytes: to the file behind `token` (Save), or to a file chosen in a dialog (Save As, or no
  // token yet). Written atomically with a backup of the previous version. null = cancelled.
  'file:save': {
    request: z.strictObject({ token: z.string().max(64).optional(), suggestedName: fileName, bytes: bytes, saveAs: z.boolean() }),
    reply: SavedFileSchema.nullable(),
  },
} as const;

export type Channel = keyof typeof IPC_CONTRACT;
export const CHANNELS = Object.keys(IPC_CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof IPC_CONTRACT)[C]['request']>;
export type ReplyOf<C extends Channel> = z.infer<(typeof IPC_CONTRACT)[C]['reply']>;

/** What the renderer can call: one named method per channel (window.steward in Electron). */
export interface StewardApi {
  appVersion(): Promise<ReplyOf<'app:version'>>;
  openFile(request?: RequestOf<'file:open'>): Promise<ReplyOf<'file:open'>>;
  saveFile(request: RequestOf<'file:save'>): Promise<ReplyOf<'file:save'>>;
}
