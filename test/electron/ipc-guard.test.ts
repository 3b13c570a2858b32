import { describe, expect, it, vi } from 'vitest';
import { dispatch, IpcRefused, isTrustedSender, type Handlers, type SenderPolicy } from '../../electron/ipc-guard';
import { CHANNELS, IPC_CONTRACT } from '../../electron/ipc-contract';

const INDEX = 'file:///opt/Steward/resources/app.asar/build/web/index.html';
const filePolicy: SenderPolicy = { kind: 'file', indexUrl: INDEX };
const devPolicy: SenderPolicy = { kind: 'dev', origin: 'http://localhost:5173' };

describe('isTrustedSender — packaged app (file://)', () => {
  it.each([
    INDEX,
    `${INDEX}#/overview`,
    `${INDEX}?tab=sites`,
  ])('accepts our own page %s', (url) => {
    expect(isTrustedSender(url, filePolicy)).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['null (frame destroyed)', null],
    ['empty', ''],
    ['not a URL', 'index.html'],
    ['another local file', 'file:///home/user/Downloads/evil.html'],
    ['a sibling of index.html', 'file:///opt/Steward/resources/app.asar/build/web/other.html'],
    ['dot-dot beside the index', 'file:///opt/Steward/resources/app.asar/build/web/index.html/../evil.html'],
    ['a UNC host', 'file://attacker-host/opt/Steward/resources/app.asar/build/web/index.html'],
    ['https remote', 'https://evil.example/index.html'],
    ['http localhost', 'http://localhost:5173/'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['javascript URL', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome-extension', 'chrome-extension://abc/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(url, filePolicy)).toBe(false);
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
  const handlers = {
    'app:version': record('app:version', { app: '0.1.0', electron: null, chrome: null, node: null }),
    'file:open': record('file:open', null),
    'file:save': record('file:save', null),
  } as unknown as Handlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('calls the handler for a trusted sender and a valid payload', async () => {
    const { handlers, calls } = fakeHandlers();
    const bytes = new Uint8Array([1, 2, 3]);
    await dispatch('file:open', INDEX, [{ folder: true }], handlers, filePolicy);
    await dispatch('file:open', INDEX, [], handlers, filePolicy);
    await dispatch('file:open', INDEX, [undefined], handlers, filePolicy);
    await dispatch('app:version', INDEX, [], handlers, filePolicy);
    await dispatch('file:save', INDEX, [{ suggestedName: 'district.steward', bytes, saveAs: true }], handlers, filePolicy);
    await dispatch('file:save', INDEX, [{ token: 'f1', suggestedName: 'district.steward', bytes, saveAs: false }], handlers, filePolicy);
    expect(calls).toEqual([
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
    await expect(dispatch('file:open', 'https://evil.example/', [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('file:open', undefined, [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([]);
  });

  const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
  const bytes = new Uint8Array([1]);
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
  ])('refuses %s', async (_name, channel, args) => {
    const { handlers, calls } = fakeHandlers();
    await expect(dispatch(channel as never, INDEX, args, handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a channel outside the contract', async () => {
    const { handlers } = fakeHandlers();
    await expect(dispatch('__proto__' as never, INDEX, [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('fs:read' as never, INDEX, [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
  });

  it('covers every channel of the contract', () => {
    expect(CHANNELS.sort()).toEqual(Object.keys(IPC_CONTRACT).sort());
    expect(Object.keys(fakeHandlers().handlers).sort()).toEqual(CHANNELS.sort());
  });
});
