/* global setTimeout, Request */
// Loads the built build/electron/main.cjs under plain Node with a fake 'electron' module and calls
// its IPC handlers the way the renderer would; prints the replies as JSON. Used by build.test.ts to
// check the bundle really works (worker path, bundled models, app:// protocol) without an Electron
// binary. argv: <repo root> <file the fake open dialog returns> <userData folder>
// The file is also on the command line, so it is what the app was "launched with" (file:launch).
const Module = require('node:module');
const path = require('node:path');

const [root, dialogPath, userData] = process.argv.slice(2);
const handles = new Map();
const protocolHandlers = new Map();
const privileged = [];
const menus = [];
let loaded = null;
const ready = Promise.resolve();
const fake = {
  app: {
    isPackaged: false, name: 'Steward', getVersion: () => '0.0.0-smoke', getPath: () => userData, whenReady: () => ready,
    on: () => undefined, quit: () => undefined, requestSingleInstanceLock: () => true, addRecentDocument: () => undefined,
  },
  BrowserWindow: class {
    static getAllWindows() { return []; }
    constructor() { this.webContents = { send() {}, on() {} }; }
    loadFile() { return Promise.resolve(); }
    loadURL(u) { loaded = u; return Promise.resolve(); }
    once() {}
    on() {}
    maximize() {}
    setFullScreen() {}
    isDestroyed() { return false; }
  },
  dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [dialogPath] }) },
  ipcMain: { handle: (channel, fn) => handles.set(channel, fn) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => menus.push(m) },
  protocol: { registerSchemesAsPrivileged: (s) => privileged.push(...s), handle: (scheme, fn) => protocolHandlers.set(scheme, fn) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openPath: async () => '' },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: fake };

require(path.join(root, 'build', 'electron', 'main.cjs'));

const summary = (r) => r && ({ ...r, files: r.files.map((f) => ({ name: f.name, size: f.bytes.length, isBytes: f.bytes instanceof Uint8Array })) });

/** main.ts finishes its ready handler after an await (the userData folder): wait for what it registers. */
const registered = () => new Promise((resolve, reject) => {
  const started = Date.now();
  const poll = () => {
    if (protocolHandlers.has('app') && handles.size > 0) resolve();
    else if (Date.now() - started > 20_000) reject(new Error('main.cjs registered nothing within 20 s'));
    else setTimeout(poll, 10);
  };
  poll();
});

ready.then(registered).then(async () => {
  const own = { senderFrame: { url: 'app://steward/index.html' } };
  const evil = { senderFrame: { url: 'https://evil.example/' } };
  const page = await protocolHandlers.get('app')(new Request('app://steward/index.html'));
  const escape = await protocolHandlers.get('app')(new Request('app://steward/..%2f..%2fpackage.json'));
  const out = {
    channels: [...handles.keys()].sort(),
    privileged,
    loaded,
    page: { status: page.status, type: page.headers.get('content-type') },
    escape: escape.status,
    menu: menus.length > 0 ? menus.at(-1).map((m) => m.label) : [],
    version: await handles.get('app:version')(own),
    launch: summary(await handles.get('file:launch')(own)),
    file: summary(await handles.get('file:open')(own)),
    recent: await handles.get('file:recent')(own),
    refused: await handles.get('file:open')(evil).then(() => 'accepted', (e) => e.message),
  };
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
