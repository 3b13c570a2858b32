import type { Command, StewardApi } from './ipc-contract';
import { API_CHANNELS } from './api-channels';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to the command channel with a listener that gets the payload only; returns the unsubscribe. */
type Subscribe = (listener: (payload: unknown) => void) => () => void;

/**
 * The API the preload exposes as window.steward: one named method per channel, each passing at
 * most its one request object on, and onCommand for the main process's commands. Never ipcRenderer
 * itself, never a generic invoke(channel, …) or on(channel, …), never the IPC event (its `sender`
 * is ipcRenderer). Replies are typed by the contract; the main process validates what it receives.
 */
export function buildStewardApi(invoke: Invoke, subscribe: Subscribe): StewardApi {
  const call = <T>(channel: string, ...args: unknown[]) => invoke(channel, ...args) as Promise<T>;
  const c = API_CHANNELS;
  return {
    appVersion: () => call(c.appVersion),
    openFile: (request) => call(c.openFile, request),
    saveFile: (request) => call(c.saveFile, request),
    launchFile: () => call(c.launchFile),
    recentFiles: () => call(c.recentFiles),
    openRecent: (request) => call(c.openRecent, request),
    clearRecent: () => call(c.clearRecent),
    writeRecovery: (request) => call(c.writeRecovery, request),
    readRecovery: () => call(c.readRecovery),
    clearRecovery: () => call(c.clearRecovery),
    setWindowState: (request) => call(c.setWindowState, request),
    closeWindow: () => call(c.closeWindow),
    printReportPdf: (request) => call(c.printReportPdf, request),
    onCommand: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onCommand expects a function');
      return subscribe((payload) => listener(payload as Command));
    },
  };
}
