import type { StewardApi } from '../../electron/ipc-contract';
import type { Host } from './types';

/** The desktop app: the preload's window.steward, which asks the main process for dialogs and bytes. */
export function electronHost(api: StewardApi): Host {
  return {
    kind: 'desktop',
    version: () => api.appVersion(),
    openFile: (opts) => api.openFile(opts.folder ? { folder: true } : undefined),
    saveFile: (req) => api.saveFile(req.token === undefined ? { suggestedName: req.suggestedName, bytes: req.bytes, saveAs: req.saveAs } : req),
  };
}
