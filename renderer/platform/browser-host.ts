import { idbRecovery } from './idb-recovery';
import type { ChosenFiles, Host } from './types';

const ACCEPT = '.steward,.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt';

/**
 * Opens the browser's file chooser and resolves with the chosen files ([] when cancelled).
 * The input is attached (hidden) while the chooser is open so automation can find it.
 */
function pickFiles(opts: { folder: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.hidden = true;
    if (opts.folder) input.webkitdirectory = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Leaving the page with unsaved changes asks first (the browser's own "Leave site?" question). */
function unloadGuard() {
  let dirty = false;
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers need a value to ask
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return (next: boolean) => {
    dirty = next;
  };
}

/** The browser build: a file input to open, a download to save, IndexedDB for unsaved work. */
export function browserHost(): Host {
  const setDirty = unloadGuard();
  return {
    kind: 'browser',
    nativeMenu: false,
    version: async () => ({ app: String(import.meta.env.VITE_APP_VERSION ?? '0.0.0'), electron: null }),
    async openFile(opts): Promise<ChosenFiles | null> {
      const files = await pickFiles(opts);
      if (files.length === 0) return null;
      const first = files[0]!;
      const name = opts.folder ? (first.webkitRelativePath.split('/')[0] || first.name) : first.name;
      return { name, files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))) };
    },
    async saveFile({ suggestedName, bytes }) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { name: suggestedName };
    },
    recovery: idbRecovery(),
    recent: null,
    launchFile: async () => null,
    onCommand: () => () => undefined,
    setDocumentState: (state) => setDirty(state.dirty),
    closeWindow: async () => undefined,
  };
}
