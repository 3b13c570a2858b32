import { describe, expect, it, vi } from 'vitest';
import { createHandlers, PathTokens, type HandlerDeps } from '../../electron/handlers';
import { IPC_CONTRACT } from '../../electron/ipc-contract';

// The main process moves bytes only: dialogs choose paths, paths stay behind tokens, bytes go out
// and come back. Side effects are passed in, so this runs under Node without Electron.

function deps(over: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    versions: { app: '0.1.0', electron: '45.4.1', chrome: null, node: null },
    chooseFile: vi.fn(async () => '/home/ann/district.xlsx'),
    chooseSavePath: vi.fn(async (name: string) => `/home/ann/${name}`),
    readChosen: vi.fn(async () => [{ name: 'district.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }]),
    saveBytes: vi.fn(async () => undefined),
    ...over,
  };
}

describe('file:open', () => {
  it('gives the bytes and a token for the path, never the path itself', async () => {
    const d = deps();
    const reply = await createHandlers(d)['file:open'](undefined);
    expect(reply).toEqual({ name: 'district.xlsx', token: 'f1', files: [{ name: 'district.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }] });
    expect(IPC_CONTRACT['file:open'].reply.safeParse(reply).success).toBe(true);
    expect(JSON.stringify(reply)).not.toContain('/home/ann');
    expect(d.chooseFile).toHaveBeenCalledWith({ folder: false });
  });

  it('asks for a folder when told, and gives null when the dialog is cancelled', async () => {
    const d = deps({ chooseFile: vi.fn(async () => null) });
    expect(await createHandlers(d)['file:open']({ folder: true })).toBeNull();
    expect(d.chooseFile).toHaveBeenCalledWith({ folder: true });
    expect(d.readChosen).not.toHaveBeenCalled();
  });
});

describe('file:save', () => {
  it('Save writes back to the file behind the token; Save As asks where', async () => {
    const tokens = new PathTokens();
    const d = deps();
    const h = createHandlers(d, tokens);
    const opened = await h['file:open'](undefined);
    const bytes = new Uint8Array([123, 125]);
    expect(await h['file:save']({ token: opened!.token, suggestedName: 'district.steward', bytes, saveAs: false })).toEqual({ name: 'district.xlsx', token: opened!.token });
    expect(d.saveBytes).toHaveBeenLastCalledWith('/home/ann/district.xlsx', bytes);
    expect(d.chooseSavePath).not.toHaveBeenCalled();
    const saved = await h['file:save']({ token: opened!.token, suggestedName: 'district.steward', bytes, saveAs: true });
    expect(d.chooseSavePath).toHaveBeenCalledWith('district.steward');
    expect(saved).toEqual({ name: 'district.steward', token: 'f2' });
    expect(d.saveBytes).toHaveBeenLastCalledWith('/home/ann/district.steward', bytes);
  });

  it('an unknown token is a Save As (a renderer cannot name a path it was never given)', async () => {
    const d = deps({ chooseSavePath: vi.fn(async () => null) });
    expect(await createHandlers(d)['file:save']({ token: 'f99', suggestedName: 'x.steward', bytes: new Uint8Array(), saveAs: false })).toBeNull();
    expect(d.chooseSavePath).toHaveBeenCalled();
    expect(d.saveBytes).not.toHaveBeenCalled();
  });
});

describe('app:version', () => {
  it('reports the versions', async () => {
    expect(await createHandlers(deps())['app:version'](undefined)).toMatchObject({ app: '0.1.0', electron: '45.4.1' });
  });
});
