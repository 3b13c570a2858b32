import { gate } from '../models/project/gate';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Project } from '../models/project/project';
import type { ReadResult } from '../models/import/types';
import type { CheckedProject } from '../models/project/open';
import type { AppVersion, ImportFlags, OpenFileReply } from './ipc-contract';
import type { Handlers } from './ipc-guard';
import { summariseProject } from './project-summary';
import { importGridsAs, importSingleTables, looksLikeProject } from './open-grids';

// What each IPC channel does, as plain functions with their side effects passed in (the dialog,
// the file loader). No Electron import: tested under Node in test/electron/.

/** What host/project-io.ts loadProject gives back (declared here so this file imports no host code). */
export interface LoadedProject extends CheckedProject {
  source: 'workbook' | 'csv-folder' | 'steward';
}

export interface HandlerDeps {
  versions: AppVersion;
  demoProject(): Project;
  /**
   * host/project-io.ts loadProject: a workbook, a CSV folder or a .steward file. `flags` are the
   * import panel's options (fill-down, strict), for projectFromGrids; a loader that takes none
   * imports with the defaults.
   */
  loadProject(path: string, flags?: ImportFlags): Promise<LoadedProject>;
  /** host/read-file.ts readFileGrids, for a file that is one export rather than a workbook. */
  readGrids?(path: string): Promise<ReadResult>;
  /** The main-side open dialog; null when cancelled. The renderer never supplies a path. */
  chooseFile(opts: { folder: boolean }): Promise<string | null>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  // The file the user chose last, so "Read as" can re-read it; the renderer never holds the path.
  let lastPath: string | null = null;
  return {
    'app:version': async () => deps.versions,
    'project:open-demo': async () => summariseProject(deps.demoProject()),
    'project:open-file': async (request) => {
      const path = await deps.chooseFile({ folder: request?.folder === true });
      if (path === null) return null;
      lastPath = path;
      return openPath(path, deps, flagsOf(request));
    },
    'project:reimport-as': async (request) => {
      if (lastPath === null || !deps.readGrids) return null;
      const name = basename(lastPath);
      try {
        const read = await deps.readGrids(lastPath);
        return { name, ...importGridsAs(read.grids, name, request.kind, flagsOf(request)) };
      } catch (err) {
        return failure(name, err);
      }
    },
    'project:reopen': async (request) => (lastPath === null ? null : openPath(lastPath, deps, flagsOf(request))),
  };
}

function failure(name: string, err: unknown): OpenFileReply {
  const message = err instanceof Error ? err.message : String(err);
  return { name, summary: null, reports: [], problems: [{ severity: 'error', table: 'project', file: name, message }] };
}

/** The import options in a request, and nothing else (no folder, no kind). */
function flagsOf(request: ImportFlags | undefined): ImportFlags {
  const out: ImportFlags = {};
  if (request?.fillDown !== undefined) out.fillDown = request.fillDown;
  if (request?.strict !== undefined) out.strict = request.strict;
  return out;
}

/** Loads what the user chose; every failure a user can fix comes back as a problem, not a throw. */
export async function openPath(path: string, deps: Pick<HandlerDeps, 'loadProject' | 'readGrids'>, flags: ImportFlags = {}): Promise<OpenFileReply> {
  const name = basename(path);
  try {
    const loaded = await (Object.keys(flags).length > 0 ? deps.loadProject(path, flags) : deps.loadProject(path));
    // The same gate as every CLI command: a project with errors shows its problems, never figures.
    const gated = gate(loaded, 'validate', name);
    if (loaded.project) {
      return { name, summary: gated.ok ? summariseProject(gated.project) : null, reports: loaded.reports, problems: gated.problems };
    }
    if (loaded.source !== 'steward' && deps.readGrids && (await stat(path)).isFile()) {
      const read = await deps.readGrids(path);
      if (!looksLikeProject(read.grids)) return { name, ...importSingleTables(read.grids, name, flags) };
    }
    return { name, summary: null, reports: loaded.reports, problems: gated.problems };
  } catch (err) {
    return failure(name, err);
  }
}
