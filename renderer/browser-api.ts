import type { StewardApi } from '../electron/ipc-contract';
import { summariseProject } from '../electron/project-summary';
import { demoProject } from '../models/demo/district';
import { importFilesInWorker } from './workers/import-client';
import { pickFiles } from './pick-files';

/**
 * StewardApi without Electron (npm run web, the e2e test): the same models, run in this tab.
 * Files come from an <input type=file> and are parsed in a Web Worker with a size cap and a timeout,
 * as the desktop app does in its worker thread.
 */
export function browserApi(): StewardApi {
  // The files chosen last, for "Read as" (the desktop app keeps the path in the main process).
  let last: { files: File[]; name: string } | null = null;
  return {
    appVersion: async () => ({ app: String(import.meta.env.VITE_APP_VERSION ?? '0.0.0'), electron: null, chrome: null, node: null }),
    openDemo: async () => summariseProject(demoProject()),
    openFile: async (request) => {
      const folder = request?.folder === true;
      const { folder: _folder, ...flags } = request ?? {};
      const files = await pickFiles({ folder });
      if (files.length === 0) return null;
      const first = files[0]!;
      const name = folder ? (first.webkitRelativePath.split('/')[0] || first.name) : first.name;
      last = { files, name };
      return importFilesInWorker(files, name, { flags });
    },
    reimportAs: async ({ kind, ...flags }) => (last ? importFilesInWorker(last.files, last.name, { kind, flags }) : null),
    reopen: async (flags) => (last ? importFilesInWorker(last.files, last.name, { flags }) : null),
  };
}
