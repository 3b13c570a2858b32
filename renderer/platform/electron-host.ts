import type { StewardApi } from '../../electron/ipc-contract';
import type { Host } from './types';

/**
 * Electron prefixes an error thrown in the main process with "Error invoking remote method
 * 'file:save': Error: "; the user should read only the reason.
 */
export function plainError(err: unknown): Error {
  const text = err instanceof Error ? err.message : String(err);
  return new Error(text.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, ''));
}

const plain = <T>(p: Promise<T>): Promise<T> => p.catch((e: unknown) => { throw plainError(e); });

/** The desktop app: the preload's window.steward, which asks the main process for dialogs, bytes and the window. */
export function electronHost(api: StewardApi): Host {
  let last = '';
  return {
    kind: 'desktop',
    nativeMenu: true,
    version: () => plain(api.appVersion()),
    openFile: (opts) => plain(api.openFile(opts.folder ? { folder: true } : undefined)),
    printPdf: async (html) => (await plain(api.printReportPdf({ html }))).bytes,
    saveFile: (req) => plain(api.saveFile(req.token === undefined ? { suggestedName: req.suggestedName, bytes: req.bytes, saveAs: req.saveAs } : req)),
    recovery: {
      write: (e) => plain(api.writeRecovery(e.token === undefined ? { name: e.name, saveable: e.saveable, bytes: e.bytes } : e)),
      read: async () => {
        const r = await plain(api.readRecovery());
        return r === null ? null : { name: r.name, savedAt: r.savedAt, saveable: r.saveable, bytes: r.bytes, ...(r.token !== undefined ? { token: r.token } : {}) };
      },
      clear: async () => {
        await plain(api.clearRecovery());
      },
    },
    recent: {
      list: () => plain(api.recentFiles()),
      open: (id) => plain(api.openRecent({ id })),
      clear: async () => {
        await plain(api.clearRecent());
      },
    },
    launchFile: () => plain(api.launchFile()),
    onCommand: (listener) => api.onCommand(listener),
    setDocumentState(state) {
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      void api.setWindowState({ name: state.name.slice(0, 300), dirty: state.dirty, ...(state.token !== undefined ? { token: state.token } : {}) }).catch(() => undefined);
    },
    closeWindow: async () => {
      await plain(api.closeWindow());
    },
  };
}
