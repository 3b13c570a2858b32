// Sandboxed preload (CommonJS; built to build/electron/preload.cjs): exposes window.steward, the
// named methods of preload-api.ts, bound to ipcRenderer.invoke without handing ipcRenderer over,
// and onCommand, which passes the main process's command payload on — never the IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StewardApi } from './ipc-contract';
import { COMMAND_CHANNEL } from './api-channels';
import { buildStewardApi } from './preload-api';

const api = buildStewardApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('steward', api satisfies StewardApi);
