import { basename, dirname, extname } from 'node:path';
import type { AppVersion, ChosenFiles, RecentFile, Recovery, SavedFile } from './ipc-contract';
import type { Handlers } from './ipc-guard';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';

// What each IPC channel does, as plain functions with their side effects passed in (dialogs, the
// file system, the recent list, the recovery file, the window). No Electron import: tested under
// Node in test/electron/. The main process only moves bytes: opening, checking and computing happen
// in the renderer's engine worker.

export interface HandlerDeps {
  versions: AppVersion;
  /** The main-side open dialog; null when cancelled. The renderer never supplies a path. */
  chooseFile(opts: { folder: boolean }): Promise<string | null>;
  /** The main-side save dialog, starting at `suggestedName`; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** A file's bytes (with the size cap), or every readable file of a folder (host/files.ts). */
  readChosen(path: string): Promise<{ name: string; bytes: Uint8Array }[]>;
  /** Writes safely, keeping the previous version as a backup (host/save-file.ts). */
  saveBytes(path: string, bytes: Uint8Array): Promise<void>;
  /** Why Steward must not write over `path` (overwrite-guard.ts), or null when it may. */
  whyNotOverwrite(path: string): Promise<string | null>;
  recent: RecentFiles;
  recovery: RecoveryStore;
  /** The file the app was started with (argv, or macOS open-file before the window was up), handed over once. */
  takeLaunchFile(): string | null;
  /** The renderer is listening: files opened from outside from now on are sent to it as commands. */
  rendererReady(): void;
  window: {
    setState(state: { name: string; dirty: boolean; path: string | undefined }): void;
    closeNow(): void;
  };
  now(): Date;
  /** The print page → PDF bytes (print-report.ts in a hidden window, made in main.ts). */
  printPdf(html: string): Promise<Uint8Array>;
}

/** Paths stay in the main process; the renderer holds an opaque token for each file it opened or saved. */
export class PathTokens {
  private readonly paths = new Map<string, string>();
  private next = 1;
  token(path: string): string {
    for (const [t, p] of this.paths) if (p === path) return t;
    const t = `f${this.next++}`;
    this.paths.set(t, path);
    return t;
  }
  path(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.paths.get(token);
  }
}

const isSteward = (path: string) => extname(path).toLowerCase() === '.steward';
/** Save always writes a .steward project: a name typed without the extension gets it. */
export const withStewardExtension = (path: string) => (isSteward(path) ? path : `${path}.steward`);
const errorText = (e: unknown) => (e instanceof Error ? ((e as { reason?: string }).reason ?? e.message) : String(e));

/** Reads a file or folder the user opened (dialog, recent list, double-click) and remembers it as recent. */
export async function openPath(deps: HandlerDeps, tokens: PathTokens, path: string, kind: 'file' | 'folder'): Promise<ChosenFiles> {
  const files = await deps.readChosen(path);
  await deps.recent.add(path, kind).catch(() => undefined);
  return { name: basename(path), token: tokens.token(path), files };
}

/** A name the contract accepts for what is shown as the project's name. */
const shownName = (name: string) => (/^[^/\\]{1,255}$/.test(name) ? name : 'Recovered project');

export function createHandlers(deps: HandlerDeps, tokens = new PathTokens()): Handlers {
  return {
    'app:version': async () => deps.versions,

    'file:open': async (request): Promise<ChosenFiles | null> => {
      const folder = request?.folder === true;
      const path = await deps.chooseFile({ folder });
      if (path === null) return null;
      return openPath(deps, tokens, path, folder ? 'folder' : 'file');
    },

    'file:save': async (request): Promise<SavedFile | null> => {
      // Save writes back only to a .steward file it was given a token for; anything else (a
      // workbook, a CSV folder, an unknown token) is a Save As.
      const known = request.saveAs ? undefined : tokens.path(request.token);
      const back = known !== undefined && isSteward(known) ? known : undefined;
      const chosen = back ?? (await deps.chooseSavePath(request.suggestedName));
      if (chosen === null || chosen === undefined) return null;
      const path = withStewardExtension(chosen);
      const refused = await deps.whyNotOverwrite(path);
      if (refused !== null) throw new Error(refused);
      try {
        await deps.saveBytes(path, request.bytes);
      } catch (e) {
        throw new Error(errorText(e));
      }
      await deps.recent.add(path, 'file').catch(() => undefined);
      return { name: basename(path), token: tokens.token(path) };
    },

    'file:launch': async (): Promise<ChosenFiles | null> => {
      deps.rendererReady();
      const path = deps.takeLaunchFile();
      return path === null ? null : openPath(deps, tokens, path, 'file');
    },

    'file:recent': async (): Promise<RecentFile[]> =>
      deps.recent.list().map((e) => ({ id: tokens.token(e.path), name: shownName(basename(e.path) || e.path), folder: basename(dirname(e.path)).slice(0, 255), kind: e.kind })),

    'file:open-recent': async (request): Promise<ChosenFiles | null> => {
      const path = tokens.path(request.id);
      const entry = deps.recent.list().find((e) => e.path === path);
      if (path === undefined || !entry) return null; // only what the list offered
      try {
        return await openPath(deps, tokens, path, entry.kind);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          await deps.recent.remove(path).catch(() => undefined);
          throw new Error(`${basename(path)} is no longer there (moved or deleted); it was taken off Open Recent`);
        }
        throw e;
      }
    },

    'file:clear-recent': async () => {
      await deps.recent.clear();
      return null;
    },

    'recovery:write': async (request) => {
      const savedAt = deps.now().toISOString();
      const path = tokens.path(request.token);
      await deps.recovery.write({ name: request.name, savedAt, saveable: request.saveable, ...(path !== undefined ? { path } : {}) }, request.bytes);
      return { savedAt };
    },

    'recovery:read': async (): Promise<Recovery | null> => {
      const found = await deps.recovery.read();
      if (!found) return null;
      const { meta, bytes } = found;
      const savedAt = Number.isNaN(Date.parse(meta.savedAt)) ? new Date(0).toISOString() : new Date(meta.savedAt).toISOString();
      return {
        name: shownName(meta.name),
        savedAt,
        saveable: meta.saveable && meta.path !== undefined,
        bytes,
        ...(meta.path !== undefined ? { token: tokens.token(meta.path) } : {}),
      };
    },

    'recovery:clear': async () => {
      await deps.recovery.clear();
      return null;
    },

    'window:state': async (request) => {
      deps.window.setState({ name: request.name, dirty: request.dirty, path: tokens.path(request.token) });
      return null;
    },

    'window:close': async () => {
      deps.window.closeNow();
      return null;
    },

    'report:pdf': async (request) => {
      try {
        return { bytes: await deps.printPdf(request.html) };
      } catch (e) {
        throw new Error(`the PDF could not be printed: ${errorText(e)}`);
      }
    },
  };
}
