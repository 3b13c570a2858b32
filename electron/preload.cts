// Sandboxed preload (CommonJS; built to build/electron/preload.cjs): exposes window.steward, the
// named methods of preload-api.ts, bound to ipcRenderer.invoke without handing ipcRenderer over.
import { contextBridge, ipcRenderer } from 'electron';
import type { StewardApi } from './ipc-contract';
import { buildStewardApi } from './preload-api';

const api = buildStewardApi((channel, ...args) => ipcRenderer.invoke(channel, ...args));

contextBridge.exposeInMainWorld('steward', api satisfies StewardApi);
