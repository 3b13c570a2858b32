import type { StewardApi } from './ipc-contract';
import { API_CHANNELS } from './api-channels';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The API the preload exposes as window.steward: one named method per channel, each passing at
 * most its one request object on. Never ipcRenderer itself, never a generic invoke(channel, …).
 * Replies are typed by the contract; the main process validates what it receives.
 */
export function buildStewardApi(invoke: Invoke): StewardApi {
  const call = <T>(channel: string, ...args: unknown[]) => invoke(channel, ...args) as Promise<T>;
  return {
    appVersion: () => call(API_CHANNELS.appVersion),
    openFile: (request) => call(API_CHANNELS.openFile, request),
    saveFile: (request) => call(API_CHANNELS.saveFile, request),
  };
}
