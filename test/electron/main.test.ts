import { describe, expect, it, vi } from 'vitest';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS } from '../../electron/ipc-contract';

// electron/main.ts loaded against a fake electron module: we check how it wires the window,
// the IPC handlers and the lock-down, without an Electron binary.
type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const handles = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  const permission: { request?: (...args: unknown[]) => void; check?: (...args: unknown[]) => boolean } = {};
  return { appListeners, handles, windows, permission };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, loaded: [] });
    }
    private get record() {
      return fake.windows[fake.windows.length - 1]!;
    }
    loadFile(p: string) {
      this.record.loaded.push(p);
      return Promise.resolve();
    }
    loadURL(u: string) {
      this.record.loaded.push(u);
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
  }
  return {
    app: {
      isPackaged: false,
      getVersion: () => '0.1.0',
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: Listener) => fake.appListeners.set(name, fn),
      quit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => fake.handles.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (fake.permission.request = fn),
        setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => (fake.permission.check = fn),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
  };
});

// The loaders are exercised in handlers.test.ts; here they only need to exist.
vi.mock('../../host/project-io', () => ({ loadProject: vi.fn() }));
vi.mock('../../host/read-file', () => ({ readFileGrids: vi.fn() }));
vi.mock('../../electron/open-grids', () => ({ looksLikeProject: vi.fn(), importSingleTables: vi.fn() }));

await import('../../electron/main');
await new Promise((r) => setTimeout(r, 0)); // let whenReady().then run

const indexUrl = pathToFileURL(join(__dirname, '..', '..', 'electron', '..', 'web', 'index.html')).href;

describe('electron/main.ts', () => {
  it('opens one window with the renderer locked down', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(basename(String(prefs.preload))).toBe('preload.cjs');
    expect(fake.windows[0]!.loaded.map((p) => basename(p))).toEqual(['index.html']);
  });

  it('registers exactly the contract channels', () => {
    expect([...fake.handles.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our own page and refuses any other sender', async () => {
    const handle = fake.handles.get('app:version')!;
    await expect(handle({ senderFrame: { url: indexUrl } })).resolves.toMatchObject({ app: '0.1.0' });
    await expect(handle({ senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(/untrusted/);
    await expect(handle({ senderFrame: null })).rejects.toThrow(/untrusted/);
    await expect(handle({ senderFrame: { url: indexUrl } }, { unexpected: true })).rejects.toThrow(/invalid request/);
  });

  it('file:open with a cancelled dialog replies null', async () => {
    await expect(fake.handles.get('file:open')!({ senderFrame: { url: indexUrl } })).resolves.toBeNull();
  });

  it('denies new windows, foreign navigation and webviews on every web contents', () => {
    const on = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = { on: (name: string, fn: Listener) => on.set(name, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) };
    fake.appListeners.get('web-contents-created')!({}, contents);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const prevented = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() };
      on.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', indexUrl)).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('refuses every permission request (camera, notifications, …)', () => {
    const callback = vi.fn();
    fake.permission.request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permission.check!({}, 'notifications')).toBe(false);
  });
});
