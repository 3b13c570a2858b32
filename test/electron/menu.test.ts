import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuContext } from '../../electron/menu';
import { CommandSchema } from '../../electron/ipc-contract';

// The native menu as a plain template: every item, accelerator and where its click goes.

type Item = MenuItemConstructorOptions;
function ctx(over: Partial<MenuContext> = {}): MenuContext {
  return { platform: 'linux', dev: false, appName: 'Steward', recent: [], send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn(), docs: vi.fn(), ...over };
}
const sub = (items: Item[], label: string) => (items.find((i) => i.label?.replace('&', '') === label)?.submenu ?? []) as Item[];
const item = (items: Item[], label: string) => items.find((i) => i.label?.replace('&', '') === label);
const click = (i: Item | undefined) => (i?.click as (() => void) | undefined)?.();

describe('the native menu', () => {
  it('File, Edit, View, Help on Windows and Linux; the app menu first on macOS', () => {
    expect(menuTemplate(ctx()).map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menuTemplate(ctx({ platform: 'darwin' })).map((m) => m.label?.replace('&', ''))).toEqual(['Steward', 'File', 'Edit', 'View', 'Help']);
  });

  it('File: New, Open…, Open Folder…, Open Recent, Save, Save As…, Close with standard accelerators; commands go to the renderer', () => {
    const c = ctx();
    const file = sub(menuTemplate(c), 'File');
    const labels = file.filter((i) => i.type !== 'separator').map((i) => i.label?.replace('&', ''));
    expect(labels).toEqual(['New', 'Open…', 'Open Folder…', 'Open Recent', 'Save', 'Save As…', 'Project Settings…', 'Close', 'Exit']);
    expect(Object.fromEntries(file.filter((i) => i.accelerator).map((i) => [i.label?.replace('&', ''), i.accelerator]))).toEqual({
      'New': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', 'Open Folder…': 'CmdOrCtrl+Shift+O', 'Save': 'CmdOrCtrl+S', 'Save As…': 'CmdOrCtrl+Shift+S', 'Close': 'CmdOrCtrl+W',
    });
    for (const label of ['New', 'Open…', 'Open Folder…', 'Save', 'Save As…', 'Project Settings…']) click(item(file, label));
    const sent = (c.send as ReturnType<typeof vi.fn>).mock.calls.map((a) => a[0]);
    expect(sent).toEqual([{ command: 'new' }, { command: 'open' }, { command: 'open-folder' }, { command: 'save' }, { command: 'save-as' }, { command: 'settings' }]);
    for (const s of sent) expect(CommandSchema.safeParse(s).success).toBe(true);
    expect(item(file, 'Close')?.role).toBe('close');
    expect(menuTemplate(ctx({ platform: 'darwin' })).some((m) => (m.submenu as Item[]).some((i) => i.role === 'quit'))).toBe(true);
  });

  it('Open Recent lists the files (by the path main keeps) and can be cleared; empty says so', () => {
    const c = ctx({ recent: [{ label: 'a.steward — /home/ann', path: '/home/ann/a.steward' }, { label: 'exports — /home/ann', path: '/home/ann/exports' }] });
    const recent = sub(sub(menuTemplate(c), 'File'), 'Open Recent');
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['a.steward — /home/ann', 'exports — /home/ann', 'separator', 'Clear Recent']);
    click(recent[1]);
    expect(c.openRecent).toHaveBeenCalledWith('/home/ann/exports');
    click(recent[3]);
    expect(c.clearRecent).toHaveBeenCalled();
    const empty = sub(sub(menuTemplate(ctx()), 'File'), 'Open Recent');
    expect(empty[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(empty.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('Edit: the project\'s Undo and Redo (renderer), the clipboard and Select All (Electron\'s roles)', () => {
    const c = ctx();
    const edit = sub(menuTemplate(c), 'Edit');
    expect(edit.map((i) => i.role ?? i.label?.replace('&', '') ?? i.type)).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(item(edit, 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(item(edit, 'Redo')?.accelerator).toBe('CmdOrCtrl+Y');
    expect(item(sub(menuTemplate(ctx({ platform: 'darwin' })), 'Edit'), 'Redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect((c.send as ReturnType<typeof vi.fn>).mock.calls.map((a) => a[0])).toEqual([{ command: 'undo' }, { command: 'redo' }]);
  });

  it('View: zoom and full screen; Reload and developer tools only for a developer\'s unpackaged run', () => {
    expect(sub(menuTemplate(ctx()), 'View').map((i) => i.role ?? i.type)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(sub(menuTemplate(ctx({ dev: true })), 'View').map((i) => i.role ?? i.type).slice(0, 3)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('Help: the documentation and About', () => {
    const c = ctx();
    const help = sub(menuTemplate(c), 'Help');
    click(item(help, 'Steward Documentation'));
    click(item(help, 'About Steward'));
    expect(c.docs).toHaveBeenCalled();
    expect(c.about).toHaveBeenCalled();
  });
});
