import { basename } from 'node:path';
import type { AppVersion, ChosenFiles, SavedFile } from './ipc-contract';
import type { Handlers } from './ipc-guard';

// What each IPC channel does, as plain functions with their side effects passed in (dialogs, the
// file system). No Electron import: tested under Node in test/electron/. The main process only
// moves bytes: opening, checking and computing happen in the renderer's engine worker.

export interface HandlerDeps {
  versions: AppVersion;
  /** The main-side open dialog; null when cancelled. The renderer never supplies a path. */
  chooseFile(opts: { folder: boolean }): Promise<string | null>;
  /** The main-side save dialog, starting at `suggestedName`; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** A file's bytes (with the size cap), or every readable file of a folder (host/files.ts). */
  readChosen(path: string): Promise<{ name: string; bytes: Uint8Array }[]>;
  /** Writes atomically, keeping the previous version as a backup (host/save-file.ts). */
  saveBytes(path: string, bytes: Uint8Array): Promise<void>;
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

export function createHandlers(deps: HandlerDeps, tokens = new PathTokens()): Handlers {
  return {
    'app:version': async () => deps.versions,
    'file:open': async (request): Promise<ChosenFiles | null> => {
      const path = await deps.chooseFile({ folder: request?.folder === true });
      if (path === null) return null;
      return { name: basename(path), token: tokens.token(path), files: await deps.readChosen(path) };
    },
    'file:save': async (request): Promise<SavedFile | null> => {
      const known = request.saveAs ? undefined : tokens.path(request.token);
      const path = known ?? (await deps.chooseSavePath(request.suggestedName));
      if (path === null || path === undefined) return null;
      await deps.saveBytes(path, request.bytes);
      return { name: basename(path), token: tokens.token(path) };
    },
  };
}
