import type { Channel, StewardApi } from './ipc-contract';

/**
 * Method name → channel. Apart from the contract so the sandboxed preload can import it without
 * bundling zod; the `satisfies` keeps it in step with StewardApi and the contract's channels.
 */
export const API_CHANNELS = {
  appVersion: 'app:version',
  openFile: 'file:open',
  saveFile: 'file:save',
} as const satisfies Record<keyof StewardApi, Channel>;
