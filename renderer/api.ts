import type { StewardApi } from '../electron/ipc-contract';
import { browserApi } from './browser-api';

export type { StewardApi } from '../electron/ipc-contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (npm run web, e2e). */
    steward?: StewardApi;
  }
}

/** The Electron bridge when there is one, else the same API computed in this browser tab. */
export function chooseApi(): StewardApi {
  return window.steward ?? browserApi();
}

export const isDesktop = (): boolean => window.steward !== undefined;
