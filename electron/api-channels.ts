import type { Channel, StewardApi } from './ipc-contract';

/**
 * Method name → channel. Apart from the contract so the sandboxed preload can import it without
 * bundling zod; the `satisfies` keeps it in step with StewardApi and the contract's channels.
 */
export const API_CHANNELS = {
  appVersion: 'app:version',
  openFile: 'file:open',
  saveFile: 'file:save',
  launchFile: 'file:launch',
  recentFiles: 'file:recent',
  openRecent: 'file:open-recent',
  clearRecent: 'file:clear-recent',
  writeRecovery: 'recovery:write',
  readRecovery: 'recovery:read',
  clearRecovery: 'recovery:clear',
  setWindowState: 'window:state',
  closeWindow: 'window:close',
  printReportPdf: 'report:pdf',
} as const satisfies Record<Exclude<keyof StewardApi, 'onCommand'>, Channel>;

/** The one main → renderer event: menu commands and files opened from outside (CommandSchema). */
export const COMMAND_CHANNEL = 'app:command';
