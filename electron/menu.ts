import type { MenuItemConstructorOptions } from 'electron';
import type { Command, COMMANDS } from './ipc-contract';

// The native menu (File, Edit, View, Help; the app menu first on macOS) as a plain template, built
// from what it needs, so it is tested under Node. Project commands go to the renderer as Commands
// (one main → renderer event, validated by the contract); clipboard, zoom and full screen are
// Electron's standard roles; Close is the window's own close, which asks about unsaved changes.

export interface MenuContext {
  platform: NodeJS.Platform;
  /** Unpackaged (a developer's `npm start`): Reload and the developer tools are in View. */
  dev: boolean;
  appName: string;
  /** File → Open Recent, newest first. */
  recent: readonly { label: string; path: string }[];
  send(command: Command): void;
  openRecent(path: string): void;
  clearRecent(): void;
  about(): void;
  docs(): void;
}

type Item = MenuItemConstructorOptions;

export function menuTemplate(ctx: MenuContext): Item[] {
  const mac = ctx.platform === 'darwin';
  const send = (command: (typeof COMMANDS)[number]) => () => ctx.send({ command });
  const sep: Item = { type: 'separator' };

  const recent: Item[] = ctx.recent.length === 0
    ? [{ label: 'No Recent Files', enabled: false }]
    : ctx.recent.map((r) => ({ label: r.label, click: () => ctx.openRecent(r.path) }));

  const file: Item = {
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { label: 'Open &Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: send('open-folder') },
      { label: 'Open &Recent', submenu: [...recent, sep, { label: 'Clear Recent', enabled: ctx.recent.length > 0, click: () => ctx.clearRecent() }] },
      sep,
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-as') },
      sep,
      { label: 'Project Se&ttings…', click: send('settings') },
      sep,
      { label: '&Close', accelerator: 'CmdOrCtrl+W', role: 'close' },
      ...(mac ? [] : [{ label: 'E&xit', role: 'quit' } as Item]),
    ],
  };

  // Undo and redo are the project's (every edit, through import and delete), sent to the renderer,
  // which gives them to a text field instead when one has the focus.
  const edit: Item = {
    label: '&Edit',
    submenu: [
      { label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      { label: '&Redo', accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: send('redo') },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      sep,
      { role: 'selectAll' },
    ],
  };

  const view: Item = {
    label: '&View',
    submenu: [
      ...(ctx.dev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep] as Item[] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: Item = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Steward &Documentation', click: () => ctx.docs() },
      ...(mac ? [] : [sep, { label: `&About ${ctx.appName}`, click: () => ctx.about() } as Item]),
    ],
  };

  const appMenu: Item[] = mac
    ? [{
        label: ctx.appName,
        submenu: [
          { label: `About ${ctx.appName}`, click: () => ctx.about() },
          sep,
          { role: 'services' },
          sep,
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          sep,
          { role: 'quit' },
        ],
      }]
    : [];

  return [...appMenu, file, edit, view, help];
}
