import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CHANNELS, CommandSchema } from '../../electron/ipc-contract';
import { APP_INDEX_URL } from '../../electron/app-protocol';
import { COMMAND_CHANNEL } from '../../electron/api-channels';

// electron/main.ts loaded against a fake electron module: we check how it wires the window, the
// app:// protocol, the IPC handlers, the menu, single instance, opened files, the remembered window
// state and the close prompt — without an Electron binary.
type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const handles = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const windows: {
    options: Record<string, unknown>; loaded: string[]; listeners: Map<string, ((...a: unknown[]) => unknown)[]>;
    sent: { channel: string; payload: unknown }[]; closed: number; maximized: boolean; edited: boolean[];
  }[] = [];
  const permission: { request?: (...args: unknown[]) => void; check?: (...args: unknown[]) => boolean } = {};
  const protocol: { privileged: unknown[]; handlers: Map<string, (r: Request) => Promise<Response>> } = { privileged: [], handlers: new Map() };
  const menus: unknown[] = [];
  const dialogs: { messageBoxResponse: number; messages: string[] } = { messageBoxResponse: 2, messages: [] };
  const state = { userData: '', singleInstance: 0 };
  return { appListeners, handles, windows, permission, protocol, menus, dialogs, state };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    private readonly record;
    readonly webContents;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] as string[], listeners: new Map<string, Listener[]>(), sent: [] as { channel: string; payload: unknown }[], closed: 0, maximized: false, edited: [] as boolean[] };
      fake.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        send: (channel: string, payload: unknown) => record.sent.push({ channel, payload }),
        on: () => undefined,
      };
    }
    loadFile(p: string) { this.record.loaded.push(p); return Promise.resolve(); }
    loadURL(u: string) { this.record.loaded.push(u); return Promise.resolve(); }
    once() {}
    on(name: string, fn: Listener) { this.record.listeners.set(name, [...(this.record.listeners.get(name) ?? []), fn]); }
    show() {}
    focus() {}
    restore() {}
    isMinimized() { return false; }
    isDestroyed() { return false; }
    maximize() { this.record.maximized = true; }
    setFullScreen() {}
    isMaximized() { return this.record.maximized; }
    isFullScreen() { return false; }
    getNormalBounds() { return { x: 5, y: 6, width: 1000, height: 700 }; }
    setDocumentEdited(v: boolean) { this.record.edited.push(v); }
    setRepresentedFilename() {}
    close() {
      this.record.closed++;
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      for (const fn of this.record.listeners.get('close') ?? []) fn(event);
    }
  }
  return {
    app: {
      isPackaged: false,
      name: 'Steward',
      getVersion: () => '0.1.0',
      getPath: () => fake.state.userData,
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: Listener) => fake.appListeners.set(name, fn),
      quit: vi.fn(),
      requestSingleInstanceLock: () => { fake.state.singleInstance++; return true; },
      addRecentDocument: vi.fn(),
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showMessageBox: vi.fn(async (_w: unknown, o: { message: string }) => { fake.dialogs.messages.push(o.message); return { response: fake.dialogs.messageBoxResponse }; }),
      showErrorBox: vi.fn(),
    },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => fake.handles.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => fake.menus.push(m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => fake.protocol.privileged.push(...s),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => fake.protocol.handlers.set(scheme, fn),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }] },
    shell: { openPath: vi.fn(async () => '') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (fake.permission.request = fn),
        setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => (fake.permission.check = fn),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
  };
});

// The user's app data: a window state saved last time, and a project to open by double-click.
fake.state.userData = mkdtempSync(join(tmpdir(), 'steward-userdata-'));
writeFileSync(join(fake.state.userData, 'window-state.json'), JSON.stringify({ x: 100, y: 80, width: 1100, height: 720, maximized: true, fullScreen: false }));
const project = join(fake.state.userData, 'district.steward');
writeFileSync(project, '{"format":"steward","schemaVersion":1}');

await import('../../electron/main');
// main's ready handler awaits the userData folder before it registers anything: wait for it.
await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 20_000 });

const own = { senderFrame: { url: APP_INDEX_URL } };
const win = () => fake.windows[0]!;
const commands = () => win().sent.filter((s) => s.channel === COMMAND_CHANNEL).map((s) => s.payload as { command: string; chosen?: { name: string } });

describe('electron/main.ts', () => {
  it('asks for the single-instance lock', () => {
    expect(fake.state.singleInstance).toBe(1);
  });

  it('serves the renderer from app://steward (privileged: standard, secure) and loads it there', async () => {
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(win().loaded).toEqual([APP_INDEX_URL]);
    const handler = fake.protocol.handlers.get('app')!;
    expect((await handler(new Request('app://steward/..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(404);
  });

  it('opens one window with the renderer locked down, where it was last time', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = win().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(basename(String(prefs.preload))).toBe('preload.cjs');
    expect(win().options).toMatchObject({ x: 100, y: 80, width: 1100, height: 720 });
    expect(win().maximized).toBe(true);
  });

  it('sets the native menu: File, Edit, View (with Reload: not packaged), Help', () => {
    const menu = fake.menus.at(-1) as { label: string; submenu: { role?: string }[] }[];
    expect(menu.map((m) => m.label.replace('&', ''))).toEqual(process.platform === 'darwin' ? ['Steward', 'File', 'Edit', 'View', 'Help'] : ['File', 'Edit', 'View', 'Help']);
    expect(menu.find((m) => m.label === '&View')!.submenu.some((i) => i.role === 'reload')).toBe(true);
  });

  it('registers exactly the contract channels', () => {
    expect([...fake.handles.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our own page and refuses any other sender', async () => {
    const handle = fake.handles.get('app:version')!;
    await expect(handle(own)).resolves.toMatchObject({ app: '0.1.0' });
    await expect(handle({ senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(/untrusted/);
    await expect(handle({ senderFrame: { url: 'file:///tmp/index.html' } })).rejects.toThrow(/untrusted/);
    await expect(handle({ senderFrame: null })).rejects.toThrow(/untrusted/);
    await expect(handle(own, { unexpected: true })).rejects.toThrow(/invalid request/);
  });

  it('file:open with a cancelled dialog replies null', async () => {
    await expect(fake.handles.get('file:open')!(own)).resolves.toBeNull();
  });

  it('a file from a second launch before the renderer listens is its launch file; after, it is sent as a command', async () => {
    const second = fake.appListeners.get('second-instance')!;
    second({}, ['/opt/Steward/steward', '--flag', project], '/');
    const launched = await fake.handles.get('file:launch')!(own) as { name: string; files: { bytes: Uint8Array }[] };
    expect(launched.name).toBe('district.steward');
    expect(new TextDecoder().decode(launched.files[0]!.bytes)).toContain('"format":"steward"');
    second({}, ['/opt/Steward/steward', project], '/');
    await vi.waitFor(() => expect(commands().filter((c) => c.command === 'open-chosen')).toHaveLength(1), { timeout: 10_000 });
    const opened = commands().filter((c) => c.command === 'open-chosen');
    expect(opened[0]!.chosen!.name).toBe('district.steward');
    for (const c of commands()) expect(CommandSchema.safeParse(c).success).toBe(true);
    // Both opens went on the recent list (userData/recent.json) and into the menu.
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(fake.state.userData, 'recent.json'), 'utf8')).recent).toEqual([{ path: project, kind: 'file' }]), { timeout: 10_000 });
    expect(commands().some((c) => c.command === 'recent-changed')).toBe(true);
  });

  it('macOS open-file: the same path', async () => {
    const event = { preventDefault: vi.fn() };
    fake.appListeners.get('open-file')!(event, project);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(commands().filter((c) => c.command === 'open-chosen').length).toBe(2), { timeout: 10_000 });
  });

  it('keeps unsaved work in userData and gives it back', async () => {
    const bytes = new TextEncoder().encode('{"format":"steward"}');
    await fake.handles.get('recovery:write')!(own, { name: 'Riverbend demo district', saveable: false, bytes });
    expect(existsSync(join(fake.state.userData, 'unsaved-work.steward-recovery'))).toBe(true);
    const back = await fake.handles.get('recovery:read')!(own) as { name: string; bytes: Uint8Array };
    expect(back.name).toBe('Riverbend demo district');
    expect([...back.bytes]).toEqual([...bytes]);
  });

  it('closing with unsaved changes asks; Cancel keeps the window, Don\'t Save closes it and drops the recovery file', async () => {
    await fake.handles.get('window:state')!(own, { name: 'district.steward', dirty: true });
    fake.dialogs.messageBoxResponse = 2;
    const event = { defaultPrevented: false, preventDefault: vi.fn() };
    for (const fn of win().listeners.get('close')!) fn(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.dialogs.messages.at(-1)).toBe('Do you want to save the changes to district.steward?'));
    expect(win().closed).toBe(0);
    fake.dialogs.messageBoxResponse = 1;
    await new Promise((r) => setTimeout(r, 0)); // the Cancel answer lands
    for (const fn of win().listeners.get('close')!) fn({ defaultPrevented: false, preventDefault: vi.fn() });
    await vi.waitFor(() => expect(win().closed).toBe(1), { timeout: 10_000 });
    expect(existsSync(join(fake.state.userData, 'unsaved-work.steward-recovery'))).toBe(false);
    // The window's size and place were written on the way out.
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(fake.state.userData, 'window-state.json'), 'utf8'))).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, maximized: true }), { timeout: 10_000 });
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
    expect(prevented('will-navigate', 'app://steward/other.html')).toBe(true);
    expect(prevented('will-navigate', APP_INDEX_URL)).toBe(false);
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
