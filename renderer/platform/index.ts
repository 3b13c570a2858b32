import type { StewardApi } from '../../electron/ipc-contract';
import { browserHost } from './browser-host';
import { electronHost } from './electron-host';
import type { Host } from './types';

export type { ChosenFiles, Command, Host, RecentEntry, RecoveryEntry } from './types';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (npm run web, e2e). */
    steward?: StewardApi;
  }
}

/** Electron's bridge when there is one, else the browser's file input and downloads. */
export function chooseHost(): Host {
  return window.steward ? electronHost(window.steward) : browserHost();
}
