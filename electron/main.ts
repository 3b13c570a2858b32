// Electron main process: a thin shell. One locked-down window on the built renderer, served from
// app://steward (app-protocol.ts); the IPC contract answered through ipc-guard (sender check →
// payload validation → plain handler → reply check); the native menu, the window's size and place,
// one instance, files opened by double-click or a second launch. Projects are opened, checked and
// computed in the renderer's engine worker, the same code as the browser build. Every decision is
// in a plain module tested under Node; this file only wires them to Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CHANNELS, CommandSchema, type Command } from './ipc-contract';
import { COMMAND_CHANNEL } from './api-channels';
import { dispatch, isTrustedSender, type SenderPolicy } from './ipc-guard';
import { createHandlers, openPath, PathTokens, type HandlerDeps } from './handlers';
import { contentSecurityPolicy } from './csp';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppHandler } from './app-protocol';
import { createCloseGuard, type CloseChoice } from './close-guard';
import { fileFromArgv } from './launch-args';
import { menuTemplate } from './menu';
import { parseRecent, RecentFiles } from './recent-files';
import { createRecoveryStore } from './recovery-store';
import { captureWindowState, parseWindowState, placeWindow } from './window-state';
import { whyNotOverwrite } from './overwrite-guard';
import { readChosen } from '../host/files';
import { allowPrintRequest, PRINT_PARTITION, PRINT_WINDOW_OPTIONS, printReportPdf } from './print-report';
import { saveFile } from '../host/save-file';

// build/electron/main.cjs → build/web (the renderer) and build/electron/preload.cjs.
const WEB_ROOT = path.join(__dirname, '..', 'web');
const PRELOAD = path.join(__dirname, 'preload.cjs');
// The Vite dev server, only ever for an unpackaged app started by a developer.
const DEV_URL = !app.isPackaged ? process.env.VITE_DEV_SERVER_URL : undefined;

const policy: SenderPolicy = DEV_URL ? { kind: 'dev', origin: new URL(DEV_URL).origin } : { kind: 'app', indexUrl: APP_INDEX_URL };

// Before the app is ready: app:// is a standard, secure origin (module workers, fetch, 'self' in the CSP).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;
let rendererListening = false;
/** A file to open that the renderer has not taken yet (command line, or macOS open-file before the window was up). */
let launchFile: string | null = fileFromArgv(process.argv, { cwd: process.cwd(), defaultApp: process.defaultApp === true });

/** Writes still running (window state, recent list): quitting waits for them. */
const pendingWrites = new Set<Promise<unknown>>();
function track<T>(p: Promise<T>): Promise<T> {
  pendingWrites.add(p);
  void p.catch(() => undefined).finally(() => pendingWrites.delete(p));
  return p;
}

const userData = (...parts: string[]) => path.join(app.getPath('userData'), ...parts);
const readText = (p: string) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

/** The demo workbook folder, for the open dialog's starting place (extraResources when packaged). */
function demoFolder(): string | undefined {
  const dir = app.isPackaged ? path.join(process.resourcesPath, 'demo') : path.join(__dirname, '..', '..', 'fixtures', 'demo');
  return existsSync(dir) ? dir : undefined;
}

async function chooseFile(opts: { folder: boolean }): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: opts.folder ? 'Open a folder of CSV files' : 'Open a Steward project, a district workbook or an export',
    properties: opts.folder ? ['openDirectory'] : ['openFile'],
    filters: opts.folder ? [] : [
      { name: 'Steward projects, workbooks and CSV files', extensions: ['steward', 'xlsx', 'xlsm', 'xls', 'ods', 'csv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const defaultPath = demoFolder();
  if (defaultPath) options.defaultPath = defaultPath;
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseSavePath(suggestedName: string): Promise<string | null> {
  // Save always writes a .steward project (the bytes are one); a workbook is exported by the CLI.
  const options: Electron.SaveDialogOptions = { title: 'Save the project', defaultPath: suggestedName, filters: [{ name: 'Steward project', extensions: ['steward'] }] };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function sendCommand(command: Command): void {
  const checked = CommandSchema.parse(command);
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(COMMAND_CHANNEL, checked);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const tokens = new PathTokens();
const recent = new RecentFiles(
  parseRecent(readText(userData('recent.json'))),
  (text) => track(saveFile(userData('recent.json'), text, { backup: false })),
  () => {
    rebuildMenu();
    const newest = recent.list()[0];
    if (newest) app.addRecentDocument(newest.path);
    sendCommand({ command: 'recent-changed' });
  },
);
const recovery = createRecoveryStore(userData('unsaved-work.steward-recovery'), {
  read: async (p) => new Uint8Array(await readFile(p)),
  write: (p, bytes) => saveFile(p, bytes, { backup: false }),
  remove: (p) => unlink(p),
});

const closeGuard = createCloseGuard({
  ask: async (name): Promise<CloseChoice> => {
    const options: Electron.MessageBoxOptions = {
      type: 'warning',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
      message: `Do you want to save the changes to ${name}?`,
      detail: 'Your changes will be lost if you don’t save them.',
    };
    const r = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return (['save', 'discard', 'cancel'] as const)[r.response] ?? 'cancel';
  },
  send: sendCommand,
  discardRecovery: () => recovery.clear(),
  close: () => mainWindow?.close(),
});

const deps: HandlerDeps = {
  versions: {
    app: app.getVersion(),
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    node: process.versions.node ?? null,
  },
  chooseFile,
  chooseSavePath,
  readChosen: (p) => readChosen(p),
  saveBytes: (p, bytes) => saveFile(p, bytes),
  whyNotOverwrite,
  recent,
  recovery,
  takeLaunchFile: () => {
    const f = launchFile;
    launchFile = null;
    return f;
  },
  rendererReady: () => {
    rendererListening = true;
  },
  window: {
    setState: ({ name, dirty, path: file }) => {
      closeGuard.setState({ name, dirty });
      if (mainWindow && process.platform === 'darwin') {
        mainWindow.setDocumentEdited(dirty);
        mainWindow.setRepresentedFilename(file ?? '');
      }
    },
    closeNow: () => closeGuard.closeNow(),
  },
  now: () => new Date(),
  printPdf: (html) => printReportPdf(printWindow(), html),
};

/** The PDF report's hidden window (print-report.ts); its session, set up on first use, loads the page and nothing else. */
let printSessionReady = false;
function printWindow(): BrowserWindow {
  if (!printSessionReady) {
    const printSession = session.fromPartition(PRINT_PARTITION);
    printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowPrintRequest(details.url) }));
    printSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    printSessionReady = true;
  }
  return new BrowserWindow(PRINT_WINDOW_OPTIONS);
}

/** A file from outside (double-click, second launch, Open Recent in the native menu): its bytes go to the renderer. */
async function openFromOutside(file: string, kind: 'file' | 'folder' = 'file'): Promise<void> {
  focusWindow();
  if (!rendererListening || !mainWindow) {
    launchFile = file; // the renderer asks for it when it starts ('file:launch')
    return;
  }
  try {
    sendCommand({ command: 'open-chosen', chosen: await openPath(deps, tokens, file, kind) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') await recent.remove(file).catch(() => undefined);
    dialog.showErrorBox('Steward could not open the file', `${path.basename(file)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function about(): void {
  const v = process.versions;
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: `About ${app.name}`,
    message: `${app.name} ${app.getVersion()}`,
    detail: `Needs-based allocation, scenario forecasts and staffing from a school district's own spreadsheets.\n\nElectron ${v.electron ?? '?'} · Chromium ${v.chrome ?? '?'} · Node ${v.node}\nLicence: MIT`,
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function docs(): void {
  // The documentation ships beside the app (extraResources "docs"); in a checkout it is docs/.
  const dir = app.isPackaged ? path.join(process.resourcesPath, 'docs') : path.join(__dirname, '..', '..', 'docs');
  void shell.openPath(dir);
}

function rebuildMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    platform: process.platform,
    dev: !app.isPackaged,
    appName: app.name || 'Steward',
    recent: recent.list().map((e) => ({ label: `${path.basename(e.path)} — ${path.dirname(e.path)}`, path: e.path })),
    send: sendCommand,
    openRecent: (p) => void openFromOutside(p, recent.list().find((e) => e.path === p)?.kind ?? 'file'),
    clearRecent: () => void recent.clear(),
    about,
    docs,
  })));
}

function registerIpc(): void {
  const handlers = createHandlers(deps, tokens);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event.senderFrame?.url, args, handlers, policy));
  }
}

/** No new windows, no navigation away from our page, no webviews. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSender(url, policy)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSender(url, policy)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): void {
  const stateFile = userData('window-state.json');
  const placed = placeWindow(parseWindowState(readText(stateFile)), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'Steward',
    backgroundColor: '#f5f6f8',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = win;
  rendererListening = false;
  closeGuard.reset();
  if (placed.maximized) win.maximize();
  if (placed.fullScreen) win.setFullScreen(true);

  const saveState = () => {
    if (!win.isDestroyed()) void track(saveFile(stateFile, JSON.stringify(captureWindowState(win)) + '\n', { backup: false })).catch(() => undefined);
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveState, 1000);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('enter-full-screen', saveSoon);
  win.on('leave-full-screen', saveSoon);
  win.on('close', (event) => {
    if (!closeGuard.onClose(event)) return;
    clearTimeout(timer);
    saveState();
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // The renderer reloaded (View → Reload, a crash): it asks for files again before taking commands.
  win.webContents.on('did-start-loading', () => {
    rendererListening = false;
  });
  void win.loadURL(DEV_URL ?? APP_INDEX_URL);
}

/** Quitting waits for the last writes (window state, recent list) to reach the disk. */
let quitting = false;
function quitWhenWritten(): void {
  if (pendingWrites.size === 0) {
    quitting = true;
    app.quit();
    return;
  }
  void Promise.allSettled([...pendingWrites]).then(quitWhenWritten);
}

function start(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));

  // macOS: a double-clicked .steward (also before the app is ready, when it started the app).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (mainWindow) void openFromOutside(file);
    else launchFile = file;
  });

  // A second launch (double-click while Steward runs) hands its arguments to this instance and quits.
  app.on('second-instance', (_event, argv, cwd) => {
    focusWindow();
    const file = fileFromArgv(argv, { cwd, defaultApp: process.defaultApp === true });
    if (file) void openFromOutside(file);
  });

  void app.whenReady().then(async () => {
    await mkdir(app.getPath('userData'), { recursive: true }).catch(() => undefined);
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, createAppHandler(WEB_ROOT, async (p) => new Uint8Array(await readFile(p)), contentSecurityPolicy('production')));
    if (DEV_URL) {
      // The built index.html carries its CSP as a <meta> tag; the dev server's page gets it as a header.
      const csp = contentSecurityPolicy('development');
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
      });
    }
    registerIpc();
    rebuildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('before-quit', (event) => {
    if (quitting || pendingWrites.size === 0) return;
    event.preventDefault();
    quitWhenWritten();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') quitWhenWritten();
  });
}

// One Steward at a time: a second launch focuses this one (and opens its file) instead.
if (app.requestSingleInstanceLock()) start();
else app.quit();
