// Electron main process: a thin shell. It opens one locked-down window on the built renderer,
// answers the IPC contract through ipc-guard (sender check → payload validation → plain handler):
// dialogs and bytes in and out, nothing else. Projects are opened, checked and computed in the
// renderer's engine worker, the same code as the browser build.
import { app, BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS } from './ipc-contract';
import { dispatch, isTrustedSender, type SenderPolicy } from './ipc-guard';
import { createHandlers } from './handlers';
import { contentSecurityPolicy } from './csp';
import { readChosen } from '../host/files';
import { writeFileAtomic } from '../host/write-workbook';

// build/electron/main.cjs → build/web/index.html and build/electron/preload.cjs.
const INDEX_HTML = path.join(__dirname, '..', 'web', 'index.html');
const PRELOAD = path.join(__dirname, 'preload.cjs');
// The Vite dev server, only ever for an unpackaged app started by a developer.
const DEV_URL = !app.isPackaged ? process.env.VITE_DEV_SERVER_URL : undefined;

const policy: SenderPolicy = DEV_URL
  ? { kind: 'dev', origin: new URL(DEV_URL).origin }
  : { kind: 'file', indexUrl: pathToFileURL(INDEX_HTML).href };

let mainWindow: BrowserWindow | null = null;

/** The demo workbook folder, for the open dialog's starting place (extraResources when packaged). */
function demoFolder(): string | undefined {
  const dir = app.isPackaged
    ? path.join(process.resourcesPath, 'demo')
    : path.join(__dirname, '..', '..', 'fixtures', 'demo');
  return existsSync(dir) ? dir : undefined;
}

async function chooseFile(opts: { folder: boolean }): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: opts.folder ? 'Open a folder of CSV files' : 'Open a district workbook or export',
    properties: opts.folder ? ['openDirectory'] : ['openFile'],
    filters: opts.folder ? [] : [
      { name: 'Workbooks, CSV and Steward files', extensions: ['xlsx', 'xlsm', 'xls', 'ods', 'csv', 'txt', 'steward'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const defaultPath = demoFolder();
  if (defaultPath) options.defaultPath = defaultPath;
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save the project',
    defaultPath: suggestedName,
    filters: [{ name: 'Steward project', extensions: ['steward'] }, { name: 'Excel workbook', extensions: ['xlsx'] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function registerIpc(): void {
  const handlers = createHandlers({
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      node: process.versions.node ?? null,
    },
    chooseFile,
    chooseSavePath,
    readChosen: (p) => readChosen(p),
    saveBytes: (p, bytes) => writeFileAtomic(p, bytes),
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(channel, event.senderFrame?.url, args, handlers, policy));
  }
}

/** No new windows, no navigation away from our page, no webviews, no permissions. */
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
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
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
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (DEV_URL) void mainWindow.loadURL(DEV_URL);
  else void mainWindow.loadFile(INDEX_HTML);
}

app.on('web-contents-created', (_event, contents) => lockDown(contents));

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (DEV_URL) {
    // The built index.html carries its CSP as a <meta> tag; the dev server's page gets it as a header.
    const csp = contentSecurityPolicy('development');
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
  registerIpc();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
