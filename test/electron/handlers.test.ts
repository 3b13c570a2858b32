import { describe, expect, it, vi } from 'vitest';
import { createHandlers, PathTokens, withStewardExtension, type HandlerDeps } from '../../electron/handlers';
import { IPC_CONTRACT } from '../../electron/ipc-contract';
import { RecentFiles } from '../../electron/recent-files';
import type { RecoveryMeta } from '../../electron/recovery-store';

// The main process moves bytes only: dialogs choose paths, paths stay behind tokens, bytes go out
// and come back. Side effects are passed in, so this runs under Node without Electron.

function memoryRecovery() {
  let stored: { meta: RecoveryMeta; bytes: Uint8Array } | null = null;
  return {
    get stored() {
      return stored;
    },
    read: vi.fn(async () => stored),
    write: vi.fn(async (meta: RecoveryMeta, bytes: Uint8Array) => {
      stored = { meta, bytes };
    }),
    clear: vi.fn(async () => {
      stored = null;
    }),
  };
}

function deps(over: Partial<HandlerDeps> = {}) {
  const persisted: string[] = [];
  const recovery = memoryRecovery();
  const windowState = { setState: vi.fn(), closeNow: vi.fn() };
  const d: HandlerDeps = {
    versions: { app: '0.1.0', electron: '45.4.1', chrome: null, node: null },
    chooseFile: vi.fn(async () => '/home/ann/district.xlsx'),
    chooseSavePath: vi.fn(async (name: string) => `/home/ann/${name}`),
    readChosen: vi.fn(async (p: string) => [{ name: p.split('/').pop()!, bytes: new Uint8Array([80, 75, 3, 4]) }]),
    saveBytes: vi.fn(async () => undefined),
    whyNotOverwrite: vi.fn(async () => null),
    recent: new RecentFiles([], async (t) => void persisted.push(t)),
    recovery,
    takeLaunchFile: vi.fn(() => null),
    rendererReady: vi.fn(),
    window: windowState,
    now: () => new Date('2026-03-01T10:00:00.000Z'),
    printPdf: vi.fn(async (html: string) => new TextEncoder().encode(`%PDF ${html.length}`)),
    ...over,
  };
  return { d, persisted, recovery, windowState };
}

const replyOk = (channel: keyof typeof IPC_CONTRACT, reply: unknown) => expect(IPC_CONTRACT[channel].reply.safeParse(reply).success).toBe(true);

describe('file:open', () => {
  it('gives the bytes and a token for the path, never the path itself, and remembers it as recent', async () => {
    const { d } = deps();
    const reply = await createHandlers(d)['file:open'](undefined);
    expect(reply).toEqual({ name: 'district.xlsx', token: 'f1', files: [{ name: 'district.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }] });
    replyOk('file:open', reply);
    expect(JSON.stringify(reply)).not.toContain('/home/ann');
    expect(d.chooseFile).toHaveBeenCalledWith({ folder: false });
    expect(d.recent.list()).toEqual([{ path: '/home/ann/district.xlsx', kind: 'file' }]);
  });

  it('asks for a folder when told, and gives null when the dialog is cancelled', async () => {
    const { d } = deps({ chooseFile: vi.fn(async () => null) });
    expect(await createHandlers(d)['file:open']({ folder: true })).toBeNull();
    expect(d.chooseFile).toHaveBeenCalledWith({ folder: true });
    expect(d.readChosen).not.toHaveBeenCalled();
  });
});

describe('file:save', () => {
  it('Save writes back to the .steward file behind the token; Save As asks where', async () => {
    const tokens = new PathTokens();
    const { d } = deps({ chooseFile: vi.fn(async () => '/home/ann/district.steward') });
    const h = createHandlers(d, tokens);
    const opened = await h['file:open'](undefined);
    const bytes = new Uint8Array([123, 125]);
    expect(await h['file:save']({ token: opened!.token, suggestedName: 'district.steward', bytes, saveAs: false })).toEqual({ name: 'district.steward', token: opened!.token });
    expect(d.saveBytes).toHaveBeenLastCalledWith('/home/ann/district.steward', bytes);
    expect(d.chooseSavePath).not.toHaveBeenCalled();
    const saved = await h['file:save']({ token: opened!.token, suggestedName: 'copy.steward', bytes, saveAs: true });
    expect(d.chooseSavePath).toHaveBeenCalledWith('copy.steward');
    expect(saved).toEqual({ name: 'copy.steward', token: 'f2' });
    expect(d.saveBytes).toHaveBeenLastCalledWith('/home/ann/copy.steward', bytes);
    expect(d.recent.list().map((e) => e.path)).toEqual(['/home/ann/copy.steward', '/home/ann/district.steward']);
  });

  it('never writes back to a workbook it opened, even when the renderer asks for Save: that is a Save As', async () => {
    const { d } = deps();
    const h = createHandlers(d);
    const opened = await h['file:open'](undefined); // district.xlsx
    await h['file:save']({ token: opened!.token, suggestedName: 'district.steward', bytes: new Uint8Array([1]), saveAs: false });
    expect(d.chooseSavePath).toHaveBeenCalledWith('district.steward');
    expect(d.saveBytes).toHaveBeenCalledWith('/home/ann/district.steward', expect.any(Uint8Array));
    expect(d.saveBytes).not.toHaveBeenCalledWith('/home/ann/district.xlsx', expect.anything());
  });

  it('a name typed without .steward gets it (the bytes are a Steward project)', async () => {
    const { d } = deps({ chooseSavePath: vi.fn(async () => '/home/ann/budget.xlsx') });
    expect(await createHandlers(d)['file:save']({ suggestedName: 'x.steward', bytes: new Uint8Array([1]), saveAs: true })).toMatchObject({ name: 'budget.xlsx.steward' });
    expect(withStewardExtension('/a/B.STEWARD')).toBe('/a/B.STEWARD');
    expect(withStewardExtension('/a/b')).toBe('/a/b.steward');
  });

  it('refuses to write over a file from a newer Steward or someone else\'s, with the reason, and writes nothing', async () => {
    const { d } = deps({ whyNotOverwrite: vi.fn(async () => 'v99.steward was saved by a newer Steward …') });
    await expect(createHandlers(d)['file:save']({ suggestedName: 'v99.steward', bytes: new Uint8Array([1]), saveAs: true })).rejects.toThrow(/newer Steward/);
    expect(d.saveBytes).not.toHaveBeenCalled();
    expect(d.recent.list()).toEqual([]);
  });

  it('a failed write comes back with its reason (no file name twice, no stack)', async () => {
    const failure = Object.assign(new Error('cannot save x.steward: the disk is full; the file on disk was left as it was'), { reason: 'the disk is full; the file on disk was left as it was' });
    const { d } = deps({ saveBytes: vi.fn(async () => { throw failure; }) });
    await expect(createHandlers(d)['file:save']({ suggestedName: 'x.steward', bytes: new Uint8Array([1]), saveAs: true })).rejects.toThrow(/^the disk is full/);
  });

  it('an unknown token is a Save As (a renderer cannot name a path it was never given)', async () => {
    const { d } = deps({ chooseSavePath: vi.fn(async () => null) });
    expect(await createHandlers(d)['file:save']({ token: 'f99', suggestedName: 'x.steward', bytes: new Uint8Array(), saveAs: false })).toBeNull();
    expect(d.chooseSavePath).toHaveBeenCalled();
    expect(d.saveBytes).not.toHaveBeenCalled();
  });
});

describe('file:launch', () => {
  it('hands over the file the app was started with once, and tells main the renderer is listening', async () => {
    let launch: string | null = '/home/ann/district.steward';
    const { d } = deps({ takeLaunchFile: vi.fn(() => { const f = launch; launch = null; return f; }) });
    const h = createHandlers(d);
    const first = await h['file:launch'](undefined);
    expect(first).toMatchObject({ name: 'district.steward', token: 'f1' });
    replyOk('file:launch', first);
    expect(d.rendererReady).toHaveBeenCalled();
    expect(await h['file:launch'](undefined)).toBeNull();
    expect(d.recent.list()[0]).toEqual({ path: '/home/ann/district.steward', kind: 'file' });
  });
});

describe('recent files', () => {
  it('lists names and folders with tokens, never paths; opens only what the list offers', async () => {
    const { d } = deps();
    await d.recent.add('/home/ann/budgets/district.steward', 'file');
    await d.recent.add('/home/ann/exports', 'folder');
    const h = createHandlers(d);
    const list = await h['file:recent'](undefined);
    replyOk('file:recent', list);
    expect(list).toEqual([
      { id: 'f1', name: 'exports', folder: 'ann', kind: 'folder' },
      { id: 'f2', name: 'district.steward', folder: 'budgets', kind: 'file' },
    ]);
    expect(JSON.stringify(list)).not.toContain('/home');
    expect(await h['file:open-recent']({ id: 'f2' })).toMatchObject({ name: 'district.steward', token: 'f2' });
    expect(d.readChosen).toHaveBeenLastCalledWith('/home/ann/budgets/district.steward');
    expect(await h['file:open-recent']({ id: 'f9' })).toBeNull();
  });

  it('a token for a file that is not on the list opens nothing', async () => {
    const tokens = new PathTokens();
    const { d } = deps();
    const h = createHandlers(d, tokens);
    const id = tokens.token('/etc/shadow');
    expect(await h['file:open-recent']({ id })).toBeNull();
    expect(d.readChosen).not.toHaveBeenCalled();
  });

  it('a recent file that has gone is taken off the list, with a message', async () => {
    const gone = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const { d } = deps({ readChosen: vi.fn(async () => { throw gone; }) });
    await d.recent.add('/home/ann/old.steward', 'file');
    const h = createHandlers(d);
    const [entry] = await h['file:recent'](undefined);
    await expect(h['file:open-recent']({ id: entry!.id })).rejects.toThrow(/old\.steward is no longer there/);
    expect(d.recent.list()).toEqual([]);
  });

  it('clears the list', async () => {
    const { d, persisted } = deps();
    await d.recent.add('/a/b.steward', 'file');
    expect(await createHandlers(d)['file:clear-recent'](undefined)).toBeNull();
    expect(d.recent.list()).toEqual([]);
    expect(JSON.parse(persisted.at(-1)!)).toEqual({ version: 1, recent: [] });
  });
});

describe('recovery', () => {
  it('keeps the work with the time and the path behind the token; reads it back with a fresh token', async () => {
    const tokens = new PathTokens();
    const { d, recovery } = deps();
    const h = createHandlers(d, tokens);
    const token = tokens.token('/home/ann/district.steward');
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await h['recovery:write']({ name: 'district.steward', token, saveable: true, bytes })).toEqual({ savedAt: '2026-03-01T10:00:00.000Z' });
    expect(recovery.stored?.meta).toEqual({ name: 'district.steward', savedAt: '2026-03-01T10:00:00.000Z', path: '/home/ann/district.steward', saveable: true });
    // Next start: a new process, new tokens.
    const later = createHandlers(d, new PathTokens());
    const back = await later['recovery:read'](undefined);
    replyOk('recovery:read', back);
    expect(back).toEqual({ name: 'district.steward', savedAt: '2026-03-01T10:00:00.000Z', saveable: true, token: 'f1', bytes });
    expect(await later['recovery:clear'](undefined)).toBeNull();
    expect(await later['recovery:read'](undefined)).toBeNull();
  });

  it('work that never had a file (the demo, a new project) is not saveable in place', async () => {
    const { d } = deps();
    const h = createHandlers(d);
    await h['recovery:write']({ name: 'Riverbend demo district', saveable: false, bytes: new Uint8Array([1]) });
    const back = await h['recovery:read'](undefined);
    expect(back).toMatchObject({ name: 'Riverbend demo district', saveable: false });
    expect(back && 'token' in back).toBe(false);
  });

  it('a recovery file with an odd name or time still reads as something the contract accepts', async () => {
    const { d, recovery } = deps();
    await recovery.write({ name: 'a/b', savedAt: 'not a time', saveable: true }, new Uint8Array([1]));
    const back = await createHandlers(d)['recovery:read'](undefined);
    replyOk('recovery:read', back);
    expect(back).toMatchObject({ name: 'Recovered project', savedAt: '1970-01-01T00:00:00.000Z', saveable: false });
  });
});

describe('window', () => {
  it('passes the name, unsaved state and path on; closes on request', async () => {
    const tokens = new PathTokens();
    const { d, windowState } = deps();
    const h = createHandlers(d, tokens);
    const token = tokens.token('/home/ann/district.steward');
    await h['window:state']({ name: 'district.steward', dirty: true, token });
    expect(windowState.setState).toHaveBeenCalledWith({ name: 'district.steward', dirty: true, path: '/home/ann/district.steward' });
    await h['window:close'](undefined);
    expect(windowState.closeNow).toHaveBeenCalled();
  });
});

describe('app:version', () => {
  it('reports the versions', async () => {
    expect(await createHandlers(deps().d)['app:version'](undefined)).toMatchObject({ app: '0.1.0', electron: '45.4.1' });
  });
});

describe('report:pdf', () => {
  it('prints the page the renderer sends and replies with the bytes', async () => {
    const { d } = deps();
    const reply = await createHandlers(d)['report:pdf']({ html: '<h1>Summary</h1>' });
    expect(new TextDecoder().decode(reply.bytes)).toBe('%PDF 16');
    replyOk('report:pdf', reply);
    expect(d.printPdf).toHaveBeenCalledWith('<h1>Summary</h1>');
  });

  it('says what failed', async () => {
    const { d } = deps({ printPdf: vi.fn(async () => { throw new Error('printer on fire'); }) });
    await expect(createHandlers(d)['report:pdf']({ html: '<p>x</p>' })).rejects.toThrow('the PDF could not be printed: printer on fire');
  });
});
