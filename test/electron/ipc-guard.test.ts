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
    'project:open-demo': record('project:open-demo', {}),
    'project:open-file': record('project:open-file', null),
    'project:reimport-as': record('project:reimport-as', null),
    'project:reopen': record('project:reopen', null),
  } as unknown as Handlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('calls the handler for a trusted sender and a valid payload', async () => {
    const { handlers, calls } = fakeHandlers();
    await dispatch('project:open-file', INDEX, [{ folder: true }], handlers, filePolicy);
    await dispatch('project:open-file', INDEX, [], handlers, filePolicy);
    await dispatch('project:open-file', INDEX, [undefined], handlers, filePolicy);
    await dispatch('app:version', INDEX, [], handlers, filePolicy);
    await dispatch('project:reimport-as', INDEX, [{ kind: 'positions' }], handlers, filePolicy);
    await dispatch('project:reimport-as', INDEX, [{ kind: 'budget', strict: true, fillDown: false }], handlers, filePolicy);
    await dispatch('project:reopen', INDEX, [{ fillDown: false }], handlers, filePolicy);
    await dispatch('project:open-file', INDEX, [{ strict: true }], handlers, filePolicy);
    expect(calls).toEqual([
      { channel: 'project:open-file', request: { folder: true } },
      { channel: 'project:open-file', request: undefined },
      { channel: 'project:open-file', request: undefined },
      { channel: 'app:version', request: undefined },
      { channel: 'project:reimport-as', request: { kind: 'positions' } },
      { channel: 'project:reimport-as', request: { kind: 'budget', strict: true, fillDown: false } },
      { channel: 'project:reopen', request: { fillDown: false } },
      { channel: 'project:open-file', request: { strict: true } },
    ]);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { handlers, calls } = fakeHandlers();
    await expect(dispatch('project:open-demo', 'https://evil.example/', [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('project:open-demo', undefined, [], handlers, filePolicy)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([]);
  });

  const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
  it.each<[string, string, unknown[]]>([
    ['a path smuggled into open-file', 'project:open-file', [{ path: '/etc/passwd' }]],
    ['a path string as the payload', 'project:open-file', ['/etc/passwd']],
    ['folder as a string', 'project:open-file', [{ folder: 'true' }]],
    ['folder as a number', 'project:open-file', [{ folder: 1 }]],
    ['an extra key beside folder', 'project:open-file', [{ folder: false, path: 'C:\\Windows\\win.ini' }]],
    ['a prototype-pollution payload', 'project:open-file', [polluted]],
    ['an array', 'project:open-file', [[true]]],
    ['null', 'project:open-file', [null]],
    ['two arguments', 'project:open-file', [{ folder: true }, '/etc/passwd']],
    ['a payload where none is taken', 'project:open-demo', [{ seed: 1 }]],
    ['a string where none is taken', 'app:version', ['x']],
    ['a function-like object', 'project:open-demo', [{ then: 'x' }]],
    ['a huge string', 'project:open-demo', ['x'.repeat(1_000_000)]],
    ['reimport with no table', 'project:reimport-as', []],
    ['reimport as an unknown table', 'project:reimport-as', [{ kind: 'passwords' }]],
    ['reimport as __proto__', 'project:reimport-as', [{ kind: '__proto__' }]],
    ['reimport as a table name with a path', 'project:reimport-as', [{ kind: 'budget', path: '/etc/passwd' }]],
    ['reimport kind as a number', 'project:reimport-as', [{ kind: 1 }]],
    ['reimport kind in the wrong case', 'project:reimport-as', [{ kind: 'BUDGET' }]],
    ['strict as a string', 'project:reopen', [{ strict: 'yes' }]],
    ['fillDown as a number', 'project:open-file', [{ fillDown: 0 }]],
    ['reopen with a path', 'project:reopen', [{ path: '/etc/passwd' }]],
    ['reopen with no payload', 'project:reopen', []],
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
