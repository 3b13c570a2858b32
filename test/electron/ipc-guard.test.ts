import { describe, expect, it, vi } from 'vitest';
import { dispatch, IpcRefused, isTrustedSender, type Handlers, type SenderPolicy } from '../../electron/ipc-guard';
import { CHANNELS, CommandSchema, IPC_CONTRACT, MAX_IPC_BYTES } from '../../electron/ipc-contract';
import { APP_INDEX_URL } from '../../electron/app-protocol';

const INDEX = APP_INDEX_URL; // app://steward/index.html
const appPolicy: SenderPolicy = { kind: 'app', indexUrl: INDEX };
const devPolicy: SenderPolicy = { kind: 'dev', origin: 'http://localhost:5173' };

describe('isTrustedSender — the built app (app://steward)', () => {
  it.each([
    INDEX,
    `${INDEX}#/overview`,
    `${INDEX}?tab=sites`,
    'app://steward/',
  ])('accepts our own page %s', (url) => {
    expect(isTrustedSender(url, appPolicy)).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['null (frame destroyed)', null],
    ['empty', ''],
    ['not a URL', 'index.html'],
    ['a local file', 'file:///opt/Steward/resources/app.asar/build/web/index.html'],
    ['another local file', 'file:///home/user/Downloads/evil.html'],
    ['another page of ours', 'app://steward/other.html'],
    ['a worker script of ours', 'app://steward/assets/engine.worker.js'],
    ['dot-dot beside the index', 'app://steward/index.html/../evil.html'],
    ['another host on our scheme', 'app://evil/index.html'],
    ['our host as a subdomain', 'app://steward.evil.example/index.html'],
    ['credentials', 'app://user:pw@steward/index.html'],
    ['a port', 'app://steward:8080/index.html'],
    ['https remote', 'https://evil.example/index.html'],
    ['https with our host name', 'https://steward/index.html'],
    ['http localhost', 'http://localhost:5173/'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['javascript URL', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome-extension', 'chrome-extension://abc/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(url, appPolicy)).toBe(false);
  });
});

describe('isTrustedSender — development (Vite dev server)', () => {
  it.each(['http://localhost:5173/', 'http://localhost:5173/index.html#x'])('accepts %s', (url) => {
    expect(isTrustedSender(url, devPolicy)).toBe(true);
  });
  it.each([
    'http://localhost:5174/',
    'http://localhost:5173.evil.example/',
    'http://evil.example/?http://localhost:5173',
    'http://user@evil.example:5173/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    `file:///tmp/index.html`,
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url, devPolicy)).toBe(false);
  });
});

function fakeHandlers() {
  const calls: { channel: string; request: unknown }[] = [];
  const record = (channel: string, reply: unknown) => vi.fn(async (request: unknown) => {
    calls.push({ channel, request });
    return reply;
  });
  const bytes = new Uint8Array([1]);
  const replies: Record<string, unknown> = {
    'app:version': { app: '0.1.0', electron: null, chrome: null, node: null },
    'file:open': null,
    'file:save': null,
    'file:launch': null,
    'file:recent': [],
    'file:open-recent': null,
    'file:clear-recent': null,
    'recovery:write': { savedAt: '2026-03-01T10:00:00.000Z' },
    'recovery:read': { name: 'district.steward', savedAt: '2026-03-01T10:00:00.000Z', saveable: true, token: 'f1', bytes },
    'recovery:clear': null,
    'window:state': null,
    'window:close': null,
    'report:pdf': { bytes },
  };
  const handlers = {
    ...Object.fromEntries(Object.entries(replies).map(([channel, reply]) => [channel, record(channel, reply)])),
  } as unknown as Handlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('calls the handler for a trusted sender and a valid payload', async () => {
    const { handlers, calls } = fakeHandlers();
    const bytes = new Uint8Array([1, 2, 3]);
    await dispatch('file:open', INDEX, [{ folder: true }], handlers, appPolicy);
    await dispatch('file:open', INDEX, [], handlers, appPolicy);
    await dispatch('file:open', INDEX, [undefined], handlers, appPolicy);
    await dispatch('app:version', INDEX, [], handlers, appPolicy);
    await dispatch('file:save', INDEX, [{ suggestedName: 'district.steward', bytes, saveAs: true }], handlers, appPolicy);
    await dispatch('file:save', INDEX, [{ token: 'f1', suggestedName: 'district.steward', bytes, saveAs: false }], handlers, appPolicy);
    await dispatch('file:launch', INDEX, [], handlers, appPolicy);
    await dispatch('file:recent', INDEX, [], handlers, appPolicy);
    await dispatch('file:open-recent', INDEX, [{ id: 'f2' }], handlers, appPolicy);
    await dispatch('file:clear-recent', INDEX, [], handlers, appPolicy);
    await dispatch('recovery:write', INDEX, [{ name: 'Riverbend demo district', saveable: false, bytes }], handlers, appPolicy);
    await dispatch('recovery:write', INDEX, [{ name: 'district.steward', token: 'f1', saveable: true, bytes }], handlers, appPolicy);
    await dispatch('recovery:read', INDEX, [], handlers, appPolicy);
    await dispatch('recovery:clear', INDEX, [], handlers, appPolicy);
    await dispatch('window:state', INDEX, [{ name: 'district.steward', dirty: true, token: 'f1' }], handlers, appPolicy);
    await dispatch('window:close', INDEX, [], handlers, appPolicy);
    expect(calls.slice(6).map((c) => c.channel)).toEqual(['file:launch', 'file:recent', 'file:open-recent', 'file:clear-recent', 'recovery:write', 'recovery:write', 'recovery:read', 'recovery:clear', 'window:state', 'window:close']);
    expect(calls.slice(0, 6)).toEqual([
      { channel: 'file:open', request: { folder: true } },
      { channel: 'file:open', request: undefined },
      { channel: 'file:open', request: undefined },
      { channel: 'app:version', request: undefined },
      { channel: 'file:save', request: { suggestedName: 'district.steward', bytes, saveAs: true } },
      { channel: 'file:save', request: { token: 'f1', suggestedName: 'district.steward', bytes, saveAs: false } },
    ]);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { handlers, calls } = fakeHandlers();
    await expect(dispatch('file:open', 'https://evil.example/', [], handlers, appPolicy)).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('file:open', undefined, [], handlers, appPolicy)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([]);
  });

  const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
  const bytes = new Uint8Array([1]);
  // A view claiming more than the cap (no 256 MB allocation needed to test the refusal).
  const huge = Object.create(Uint8Array.prototype, { byteLength: { value: MAX_IPC_BYTES + 1 } }) as Uint8Array;
  it.each<[string, string, unknown[]]>([
    ['a path smuggled into open', 'file:open', [{ path: '/etc/passwd' }]],
    ['a path string as the payload', 'file:open', ['/etc/passwd']],
    ['folder as a string', 'file:open', [{ folder: 'true' }]],
    ['folder as a number', 'file:open', [{ folder: 1 }]],
    ['an extra key beside folder', 'file:open', [{ folder: false, path: 'C:\\Windows\\win.ini' }]],
    ['a prototype-pollution payload', 'file:open', [polluted]],
    ['an array', 'file:open', [[true]]],
    ['null', 'file:open', [null]],
    ['two arguments', 'file:open', [{ folder: true }, '/etc/passwd']],
    ['a string where none is taken', 'app:version', ['x']],
    ['a huge string', 'app:version', ['x'.repeat(1_000_000)]],
    ['save with no payload', 'file:save', []],
    ['save with a path', 'file:save', [{ path: '/etc/passwd', suggestedName: 'a.steward', bytes, saveAs: false }]],
    ['save with a name holding a path', 'file:save', [{ suggestedName: '../../.bashrc', bytes, saveAs: true }]],
    ['save with a Windows path as the name', 'file:save', [{ suggestedName: 'C:\\Users\\x\\a.steward', bytes, saveAs: true }]],
    ['save with an overlong name', 'file:save', [{ suggestedName: 'x'.repeat(300), bytes, saveAs: true }]],
    ['save with text instead of bytes', 'file:save', [{ suggestedName: 'a.steward', bytes: 'AAAA', saveAs: true }]],
    ['save with an array instead of bytes', 'file:save', [{ suggestedName: 'a.steward', bytes: [1, 2], saveAs: true }]],
    ['save with saveAs as a string', 'file:save', [{ suggestedName: 'a.steward', bytes, saveAs: 'yes' }]],
    ['save with a huge token', 'file:save', [{ token: 'x'.repeat(100), suggestedName: 'a.steward', bytes, saveAs: false }]],
    ['save as a prototype-pollution payload', 'file:save', [polluted]],
    ['save with an empty token', 'file:save', [{ token: '', suggestedName: 'a.steward', bytes, saveAs: false }]],
    ['save with bytes over 256 MB', 'file:save', [{ suggestedName: 'a.steward', bytes: huge, saveAs: true }]],
    ['launch with a path', 'file:launch', ['/etc/passwd']],
    ['launch with an object', 'file:launch', [{ path: '/etc/passwd' }]],
    ['recent with a filter', 'file:recent', [{ all: true }]],
    ['open-recent with no payload', 'file:open-recent', []],
    ['open-recent with a path instead of an id', 'file:open-recent', [{ path: '/etc/passwd' }]],
    ['open-recent with an id and a path', 'file:open-recent', [{ id: 'f1', path: '/etc/passwd' }]],
    ['open-recent with a number id', 'file:open-recent', [{ id: 1 }]],
    ['open-recent with an empty id', 'file:open-recent', [{ id: '' }]],
    ['open-recent with a huge id', 'file:open-recent', [{ id: 'f'.repeat(65) }]],
    ['open-recent polluted', 'file:open-recent', [polluted]],
    ['clear-recent with a payload', 'file:clear-recent', [{ path: '/' }]],
    ['recovery write with no payload', 'recovery:write', []],
    ['recovery write with a path', 'recovery:write', [{ name: 'a', saveable: false, bytes, path: '/etc/cron.d/x' }]],
    ['recovery write with a name holding a path', 'recovery:write', [{ name: '../../x', saveable: false, bytes }]],
    ['recovery write with text for bytes', 'recovery:write', [{ name: 'a', saveable: false, bytes: 'AAAA' }]],
    ['recovery write with a chosen time', 'recovery:write', [{ name: 'a', saveable: false, bytes, savedAt: '2099-01-01T00:00:00Z' }]],
    ['recovery write with saveable as a string', 'recovery:write', [{ name: 'a', saveable: 'true', bytes }]],
    ['recovery write over 256 MB', 'recovery:write', [{ name: 'a', saveable: false, bytes: huge }]],
    ['recovery write polluted', 'recovery:write', [polluted]],
    ['recovery read with a path', 'recovery:read', ['/etc/passwd']],
    ['recovery clear with a path', 'recovery:clear', [{ path: '/home' }]],
    ['window state with no payload', 'window:state', []],
    ['window state with dirty as a string', 'window:state', [{ name: 'a', dirty: 'yes' }]],
    ['window state with an overlong name', 'window:state', [{ name: 'x'.repeat(301), dirty: true }]],
    ['window state with a path', 'window:state', [{ name: 'a', dirty: true, path: '/etc/passwd' }]],
    ['window state polluted', 'window:state', [polluted]],
    ['window close with a payload', 'window:close', [{ force: true }]],
    ['a PDF with no page', 'report:pdf', []],
    ['a PDF of an empty page', 'report:pdf', [{ html: '' }]],
    ['a PDF with bytes for the page', 'report:pdf', [{ html: bytes }]],
    ['a PDF with a URL to print', 'report:pdf', [{ html: '<p>x</p>', url: 'file:///etc/passwd' }]],
    ['a PDF of a page over 32 MB', 'report:pdf', [{ html: 'x'.repeat(32 * 2 ** 20 + 1) }]],
    ['a PDF polluted', 'report:pdf', [polluted]],
  ])('refuses %s', async (_name, channel, args) => {
    const { handlers, calls } = fakeHandlers();
    await expect(dispatch(channel as never, INDEX, args, handlers, appPolicy)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a reply the contract does not describe (a main-side bug never reaches the renderer)', async () => {
    const { handlers } = fakeHandlers();
    const bad = { ...handlers, 'recovery:read': async () => ({ name: '/home/ann/district.steward', savedAt: 'yesterday', saveable: true, bytes: 'x' }) } as unknown as Handlers;
    await expect(dispatch('recovery:read', INDEX, [], bad, appPolicy)).rejects.toThrow(/reply did not match/);
    const path = { ...handlers, 'file:recent': async () => [{ id: 'f1', name: '/home/ann/a.steward', folder: 'ann', kind: 'file' }] } as unknown as Handlers;
    await expect(dispatch('file:recent', INDEX, [], path, appPolicy)).rejects.toThrow(/reply did not match/);
  });

  it('main → renderer commands: only the contract\'s commands, with a valid file for open-chosen', () => {
    const ok = [{ command: 'save' }, { command: 'undo' }, { command: 'save-and-close' }, { command: 'recent-changed' },
      { command: 'open-chosen', chosen: { name: 'a.steward', token: 'f1', files: [{ name: 'a.steward', bytes: new Uint8Array([123]) }] } }];
    for (const c of ok) expect(CommandSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
    const bad = [{ command: 'eval' }, { command: 'save', path: '/x' }, { command: 'open-chosen' }, { command: 'open-chosen', chosen: { name: '/etc/passwd', token: 'f1', files: [] } }, null, 'save'];
    for (const c of bad) expect(CommandSchema.safeParse(c).success, JSON.stringify(c)).toBe(false);
  });

  it('refuses a channel outside the contract', async () => {
    const { handlers } = fakeHandlers();
    await expect(dispatch('__proto__' as never, INDEX, [], handlers, appPolicy)).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('fs:read' as never, INDEX, [], handlers, appPolicy)).rejects.toBeInstanceOf(IpcRefused);
  });

  it('covers every channel of the contract', () => {
    expect(CHANNELS.sort()).toEqual(Object.keys(IPC_CONTRACT).sort());
    expect(Object.keys(fakeHandlers().handlers).sort()).toEqual(CHANNELS.sort());
  });
});
