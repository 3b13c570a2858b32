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
/** The most a project can be (host/project-io.ts MAX_STEWARD_BYTES): anything larger is refused unread. */
export const MAX_IPC_BYTES = 256 * 2 ** 20;
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= MAX_IPC_BYTES, 'expected bytes (at most 256 MB)');
/** The board report's print page is a few hundred kilobytes; anything near this is not one. */
export const MAX_REPORT_HTML = 32 * 2 ** 20;
/** Stands for a path the main process knows; the renderer never sees paths. */
const token = z.string().min(1).max(64);
/** A file's bytes with its name (no directories: the renderer never sees the user's paths). */
export const FileBytesSchema = z.object({ name: fileName, bytes: bytes });

/**
 * What the user chose in an open dialog: one file, or every readable file of a folder. `token`
 * stands for the path, which stays in the main process: saving back to the same file sends it.
 */
export const ChosenFilesSchema = z.object({ name: fileName, token: token, files: z.array(FileBytesSchema) });
export type ChosenFiles = z.infer<typeof ChosenFilesSchema>;

export const SavedFileSchema = z.object({ name: fileName, token: token });
export type SavedFile = z.infer<typeof SavedFileSchema>;

/** A recently opened or saved file (File → Open Recent): its name and folder's name, never its path. */
export const RecentFileSchema = z.object({ id: token, name: fileName, folder: z.string().max(255), kind: z.enum(['file', 'folder']) });
export type RecentFile = z.infer<typeof RecentFileSchema>;

/** When an autosave was taken: an ISO 8601 time. */
const isoTime = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'an ISO time');

/**
 * Unsaved work kept for recovery: the project as .steward bytes, the name it had on screen, and
 * (desktop) the file it came from, so Save after a restore writes back there.
 */
export const RecoverySchema = z.object({ name: fileName, savedAt: isoTime, token: token.optional(), saveable: z.boolean(), bytes: bytes });
export type Recovery = z.infer<typeof RecoverySchema>;

/**
 * Main → renderer: what the native menu, a double-clicked file or a second launch asks the window
 * to do. One event channel (COMMAND_CHANNEL in api-channels.ts); the main process builds every
 * payload through this schema before sending it.
 */
export const COMMANDS = ['new', 'open', 'open-folder', 'save', 'save-as', 'undo', 'redo', 'settings', 'save-and-close'] as const;
export const CommandSchema = z.union([
  z.strictObject({ command: z.enum(COMMANDS) }),
  z.strictObject({ command: z.literal('open-chosen'), chosen: ChosenFilesSchema }),
  z.strictObject({ command: z.literal('recent-changed') }),
]);
export type Command = z.infer<typeof CommandSchema>;

/**
 * The main process only does what needs the operating system: dialogs, reading and writing bytes
 * (atomically), recent files, the recovery file, the window. Opening, checking and computing happen
 * in the renderer's engine worker, the same code in the browser build (renderer/platform/).
 */
export const IPC_CONTRACT = {
  'app:version': { request: NoPayload, reply: AppVersionSchema },
  // The path is chosen in a dialog in the main process; the renderer only says file or folder.
  // null reply = the user cancelled the dialog.
  'file:open': {
    request: z.strictObject({ folder: z.boolean().optional() }).optional(),
    reply: ChosenFilesSchema.nullable(),
  },
  // Save bytes: to the file behind `token` (Save — only ever a .steward project Steward can read),
  // or to a file chosen in a dialog (Save As, or no token yet). Written through host/save-file.ts
  // (temporary file, fsync, `<name>.bak`, rename). null = cancelled.
  'file:save': {
    request: z.strictObject({ token: token.optional(), suggestedName: fileName, bytes: bytes, saveAs: z.boolean() }),
    reply: SavedFileSchema.nullable(),
  },
  // The file the app was started with (a double-clicked .steward), once; asking also tells the
  // main process the window is ready for files opened later (second launch, macOS open-file).
  'file:launch': { request: NoPayload, reply: ChosenFilesSchema.nullable() },
  'file:recent': { request: NoPayload, reply: z.array(RecentFileSchema).max(20) },
  'file:open-recent': { request: z.strictObject({ id: token }), reply: ChosenFilesSchema.nullable() },
  'file:clear-recent': { request: NoPayload, reply: z.null() },
  // The recovery file in the user's app data: written every few seconds while there are unsaved
  // changes, read at start, cleared when the work is saved or discarded.
  'recovery:write': {
    request: z.strictObject({ name: fileName, token: token.optional(), saveable: z.boolean(), bytes: bytes }),
    reply: z.object({ savedAt: isoTime }),
  },
  'recovery:read': { request: NoPayload, reply: RecoverySchema.nullable() },
  'recovery:clear': { request: NoPayload, reply: z.null() },
  // The project's name and unsaved state (macOS: the dot in the close button, the file's icon in
  // the title bar); closing with unsaved changes asks first, naming the project.
  'window:state': {
    request: z.strictObject({ name: z.string().max(300), dirty: z.boolean(), token: token.optional() }),
    reply: z.null(),
  },
  // After "Save" in the close prompt saved the project: close now.
  'window:close': { request: NoPayload, reply: z.null() },
  // The board report as PDF (issue 15): the Reports screen's print page (models/report/html.ts)
  // printed by webContents.printToPDF in a hidden window with JavaScript off that loads nothing
  // but the page itself (print-report.ts); the renderer saves the bytes with file:save.
  'report:pdf': {
    request: z.strictObject({ html: z.string().min(1).max(MAX_REPORT_HTML) }),
    reply: z.object({ bytes: bytes }),
  },
} as const;

export type Channel = keyof typeof IPC_CONTRACT;
export const CHANNELS = Object.keys(IPC_CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof IPC_CONTRACT)[C]['request']>;
export type ReplyOf<C extends Channel> = z.infer<(typeof IPC_CONTRACT)[C]['reply']>;

/** What the renderer can call: one named method per channel (window.steward in Electron), and the command subscription. */
export interface StewardApi {
  appVersion(): Promise<ReplyOf<'app:version'>>;
  openFile(request?: RequestOf<'file:open'>): Promise<ReplyOf<'file:open'>>;
  saveFile(request: RequestOf<'file:save'>): Promise<ReplyOf<'file:save'>>;
  launchFile(): Promise<ReplyOf<'file:launch'>>;
  recentFiles(): Promise<ReplyOf<'file:recent'>>;
  openRecent(request: RequestOf<'file:open-recent'>): Promise<ReplyOf<'file:open-recent'>>;
  clearRecent(): Promise<ReplyOf<'file:clear-recent'>>;
  writeRecovery(request: RequestOf<'recovery:write'>): Promise<ReplyOf<'recovery:write'>>;
  readRecovery(): Promise<ReplyOf<'recovery:read'>>;
  clearRecovery(): Promise<ReplyOf<'recovery:clear'>>;
  setWindowState(request: RequestOf<'window:state'>): Promise<ReplyOf<'window:state'>>;
  closeWindow(): Promise<ReplyOf<'window:close'>>;
  printReportPdf(request: RequestOf<'report:pdf'>): Promise<ReplyOf<'report:pdf'>>;
  /** Commands from the main process (menu, opened files); returns the unsubscribe. Never ipcRenderer itself. */
  onCommand(listener: (command: Command) => void): () => void;
}
