import { gate } from '../models/project/gate';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Project } from '../models/project/project';
import type { ReadResult } from '../models/import/types';
import type { CheckedProject } from '../models/project/open';
import type { AppVersion, OpenFileReply } from './ipc-contract';
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
  /** host/project-io.ts loadProject: a workbook, a CSV folder or a .steward file. */
  loadProject(path: string): Promise<LoadedProject>;
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
      return openPath(path, deps);
    },
    'project:reimport-as': async ({ kind }) => {
      if (lastPath === null || !deps.readGrids) return null;
      const name = basename(lastPath);
      try {
        const read = await deps.readGrids(lastPath);
        return { name, ...importGridsAs(read.grids, name, kind) };
      } catch (err) {
        return failure(name, err);
      }
    },
  };
}

function failure(name: string, err: unknown): OpenFileReply {
  const message = err instanceof Error ? err.message : String(err);
  return { name, summary: null, reports: [], problems: [{ severity: 'error', table: 'project', file: name, message }] };
}

/** Loads what the user chose; every failure a user can fix comes back as a problem, not a throw. */
export async function openPath(path: string, deps: Pick<HandlerDeps, 'loadProject' | 'readGrids'>): Promise<OpenFileReply> {
  const name = basename(path);
  try {
    const loaded = await deps.loadProject(path);
    // The same gate as every CLI command: a project with errors shows its problems, never figures.
    const gated = gate(loaded, 'validate', name);
    if (loaded.project) {
      return { name, summary: gated.ok ? summariseProject(gated.project) : null, reports: loaded.reports, problems: gated.problems };
    }
    if (loaded.source !== 'steward' && deps.readGrids && (await stat(path)).isFile()) {
      const read = await deps.readGrids(path);
      if (!looksLikeProject(read.grids)) return { name, ...importSingleTables(read.grids, name) };
    }
    return { name, summary: null, reports: loaded.reports, problems: gated.problems };
  } catch (err) {
    return failure(name, err);
  }
}
