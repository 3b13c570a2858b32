// Loads the built build/electron/main.cjs under plain Node with a fake 'electron' module and calls
// its IPC handlers the way the renderer would; prints the replies as JSON. Used by build.test.ts to
// check the bundle really works (worker path, bundled models) without an Electron binary.
// argv: <repo root> <file the fake open dialog returns>
const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const [root, dialogPath] = process.argv.slice(2);
const handles = new Map();
const ready = Promise.resolve();
const fake = {
  app: { isPackaged: false, getVersion: () => '0.0.0-smoke', whenReady: () => ready, on: () => undefined, quit: () => undefined },
  BrowserWindow: class {
    static getAllWindows() { return []; }
    loadFile() { return Promise.resolve(); }
    loadURL() { return Promise.resolve(); }
    once() {}
    on() {}
  },
  dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [dialogPath] }) },
  ipcMain: { handle: (channel, fn) => handles.set(channel, fn) },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: fake };

require(path.join(root, 'build', 'electron', 'main.cjs'));

ready.then(() => ready).then(async () => {
  const own = { senderFrame: { url: pathToFileURL(path.join(root, 'build', 'web', 'index.html')).href } };
  const evil = { senderFrame: { url: 'https://evil.example/' } };
  const out = {
    channels: [...handles.keys()].sort(),
    version: await handles.get('app:version')(own),
    file: await handles.get('file:open')(own).then((r) => ({ ...r, files: r.files.map((f) => ({ name: f.name, size: f.bytes.length, isBytes: f.bytes instanceof Uint8Array })) })),
    refused: await handles.get('file:open')(evil).then(() => 'accepted', (e) => e.message),
  };
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
