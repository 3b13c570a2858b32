import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { SCHEMA_VERSION } from '../../models/project/project';
import { parseStewardFile, serialiseProject } from '../../models/project/steward-file';
import { createAppStore } from '../../renderer/store/create-store';
import { DEMO_NAME, isDirty } from '../../renderer/store/project-slice';
import { workbookBytes } from '../../host/write-workbook';
import { projectToSheets } from '../../models/project/to-sheets';
import { fakeServices, settle } from './fake-services';

// Files that never lose work, through the store with the real engine and a fake host: New, Open,
// Save (never over anything but a .steward project), recovery of unsaved work at the next start,
// the question before unsaved changes are replaced, commands from the native menu.

const fixtures = join(__dirname, '..', '..', 'fixtures', 'steward');
const bytesOf = (text: string) => new TextEncoder().encode(text);
const steward = (name: string, text: string) => ({ name, files: [{ name, bytes: bytesOf(text) }] });

async function started(opts: Parameters<typeof fakeServices>[0] = {}) {
  const f = fakeServices(opts);
  const store = createAppStore(f.services);
  await store.getState().startup();
  await settle();
  return { store, ...f };
}

/** Renames the district: an edit the e2e makes through File → Project settings. */
const rename = (store: ReturnType<typeof createAppStore>, name: string) => expect(store.getState().editSettings({ district_name: name })).toEqual({ ok: true });

describe('the start', () => {
  it('with nothing to recover and no file given: the demo district, no offer', async () => {
    const { store, recovery } = await started();
    expect(store.getState().name).toBe(DEMO_NAME);
    expect(store.getState().recoveryOffer).toBeNull();
    expect(recovery.writes).toBe(0);
  });

  it('a file the app was started with (a double-clicked .steward) opens instead of the demo', async () => {
    const v1 = readFileSync(join(fixtures, 'v1-preview.steward'), 'utf8');
    const { store } = await started({ launch: { ...steward('district.steward', v1), token: 'f1' } });
    expect(store.getState().name).toBe('district.steward');
    expect(store.getState().token).toBe('f1');
    expect(store.getState().saveable).toBe(true);
  });
});

describe('recovery of unsaved work', () => {
  it('an edit is kept for recovery, and saving removes the copy', async () => {
    const { store, recovery } = await started();
    rename(store, 'Riverbend (edited)');
    await store.getState().keepForRecovery();
    expect(recovery.current?.name).toBe(DEMO_NAME);
    const kept = parseStewardFile(new TextDecoder().decode(recovery.current!.bytes));
    expect(kept.ok && kept.value.settings.district_name).toBe('Riverbend (edited)');
    expect(store.getState().recoveryStatus).toEqual({ savedAt: recovery.current!.savedAt });
    expect(await store.getState().save()).toBe(true);
    await settle();
    expect(recovery.current).toBeNull();
    expect(store.getState().recoveryStatus).toBeNull();
  });

  it('next start: offered; nothing is written over it while the offer is open; restore brings the edit back, unsaved', async () => {
    const edited = demoProject();
    edited.settings = { ...edited.settings, district_name: 'Riverbend (edited)' };
    const entry = { name: DEMO_NAME, savedAt: '2026-03-01T09:30:00.000Z', saveable: false, bytes: bytesOf(serialiseProject(edited)) };
    const { store, recovery } = await started({ recovery: entry });
    expect(store.getState().recoveryOffer).toEqual({ name: DEMO_NAME, savedAt: '2026-03-01T09:30:00.000Z' });
    // The demo behind the offer, even edited, never replaces the copy on offer.
    rename(store, 'something else');
    await store.getState().keepForRecovery();
    expect(recovery.writes).toBe(0);
    store.getState().undo();
    await store.getState().restoreRecovery();
    await settle();
    const s = store.getState();
    expect(s.recoveryOffer).toBeNull();
    expect(s.project?.settings.district_name).toBe('Riverbend (edited)');
    expect(s.name).toBe(DEMO_NAME);
    expect(isDirty(s)).toBe(true);
    expect(s.checked?.ok).toBe(true);
    // Save (the demo never had a file: Save As) removes the copy.
    expect(await s.save()).toBe(true);
    expect(recovery.current).toBeNull();
  });

  it('restore on the desktop goes back to the file it came from', async () => {
    const v1 = readFileSync(join(fixtures, 'v1-preview.steward'), 'utf8');
    const entry = { name: 'district.steward', savedAt: '2026-03-01T09:30:00.000Z', saveable: true, token: 'f7', bytes: bytesOf(v1) };
    const { store, saved } = await started({ recovery: entry, desktop: true });
    await store.getState().restoreRecovery();
    expect(store.getState()).toMatchObject({ name: 'district.steward', token: 'f7', saveable: true });
    await store.getState().save();
    expect(saved.at(-1)).toMatchObject({ token: 'f7', saveAs: false });
  });

  it('discard removes the copy', async () => {
    const entry = { name: DEMO_NAME, savedAt: '2026-03-01T09:30:00.000Z', saveable: false, bytes: bytesOf(serialiseProject(demoProject())) };
    const { store, recovery } = await started({ recovery: entry });
    await store.getState().discardRecovery();
    expect(store.getState().recoveryOffer).toBeNull();
    expect(recovery.current).toBeNull();
  });

  it('a damaged copy: a clear message, the offer closes, the project on screen stays', async () => {
    const entry = { name: DEMO_NAME, savedAt: '2026-03-01T09:30:00.000Z', saveable: false, bytes: bytesOf('{"format":"steward","schemaVersion":1,"project":{"sett') };
    const { store } = await started({ recovery: entry });
    const before = store.getState().project;
    await store.getState().restoreRecovery();
    expect(store.getState().error).toMatch(/^The unsaved work could not be read back: .*not valid JSON/);
    expect(store.getState().recoveryOffer).toBeNull();
    expect(store.getState().project).toBe(before);
  });
});

describe('Save and Open', () => {
  it('a newer-version file is refused with a clear message, nothing replaces the project, nothing can be saved over it', async () => {
    const v99 = serialiseProject(demoProject()).replace(`"schemaVersion": ${SCHEMA_VERSION}`, '"schemaVersion": 99');
    const { store } = await started({ files: () => ({ ...steward('future.steward', v99), token: 'f9' }) });
    const before = store.getState().project;
    await store.getState().openFile();
    const s = store.getState();
    expect(s.project).toBe(before);
    expect(s.name).toBe(DEMO_NAME);
    expect(s.token).toBeUndefined();
    expect(s.lastOpened?.problems.map((p) => p.message).join(' ')).toContain('this project was made by a newer Steward (file version 99)');
  });

  it('v0 and v1 files open (v0 migrated); a corrupt or foreign .steward is refused', async () => {
    for (const [file, ok] of [['v0-preview.steward', true], ['v1-preview.steward', true]] as const) {
      const { store } = await started({ files: () => steward(file, readFileSync(join(fixtures, file), 'utf8')) });
      await store.getState().openFile();
      await settle();
      expect(store.getState().name === file).toBe(ok);
      expect(store.getState().project?.settings.district_name).toBe('Riverbend Unified School District');
    }
    for (const [text, why] of [['{"format":"steward","schemaVersion":1,"project":{"budget":[{"amount":"lots"}]}}', /corrupt Steward file/], ['{"format":"excalidraw"}', /not a Steward project file/]] as const) {
      const { store } = await started({ files: () => steward('bad.steward', text) });
      await store.getState().openFile();
      expect(store.getState().name).toBe(DEMO_NAME);
      expect(store.getState().lastOpened?.problems[0]?.message).toMatch(why);
    }
  });

  it('Save never writes over a workbook it opened: it asks where (Save As)', async () => {
    const { store, saved } = await started({ files: () => ({ name: 'district.xlsx', token: 'w1', files: [{ name: 'district.xlsx', bytes: workbookBytes(projectToSheets(demoProject())) }] }) });
    await store.getState().openFile();
    await settle();
    expect(store.getState().name).toBe('district.xlsx');
    await store.getState().save();
    expect(saved.at(-1)).toMatchObject({ saveAs: true, suggestedName: 'district.steward' });
    expect(saved.at(-1)?.token).toBeUndefined();
  });

  it('a refused save says why and leaves the work unsaved (and kept)', async () => {
    const { store, recovery } = await started({ saveAs: () => new Error('v99.steward was saved by a newer Steward (file version 99; this one reads up to 1), so Steward will not write over it: save under another name') });
    rename(store, 'x');
    await store.getState().keepForRecovery();
    expect(await store.getState().save()).toBe(false);
    expect(store.getState().error).toMatch(/^Could not save Riverbend demo district\.steward: v99\.steward was saved by a newer Steward/);
    expect(isDirty(store.getState())).toBe(true);
    expect(recovery.current).not.toBeNull();
  });

  it('New is the template: empty tables, the settings\' defaults, nothing unsaved', async () => {
    const { store } = await started();
    await store.getState().newProject();
    const s = store.getState();
    expect(s.name).toBe('Untitled');
    expect(s.project?.budget).toEqual([]);
    expect(s.project?.settings.horizon_years).toBe(5);
    expect(isDirty(s)).toBe(false);
  });
});

describe('unsaved changes are never replaced without asking', () => {
  it('Cancel keeps them; Don\'t save replaces them and drops their copy; Save saves first', async () => {
    const v1 = readFileSync(join(fixtures, 'v1-preview.steward'), 'utf8');
    const { store, recovery, saved } = await started({ files: () => steward('district.steward', v1) });
    rename(store, 'edited');
    await store.getState().keepForRecovery();
    const project = store.getState().project;

    let opening = store.getState().openFile();
    await settle();
    expect(store.getState().replacePrompt).toEqual({ name: DEMO_NAME });
    store.getState().answerReplace('cancel');
    await opening;
    expect(store.getState().project).toBe(project);
    expect(store.getState().replacePrompt).toBeNull();

    opening = store.getState().openFile();
    await settle();
    store.getState().answerReplace('save');
    await opening;
    expect(saved).toHaveLength(1);
    expect(store.getState().name).toBe('district.steward');

    rename(store, 'edited again');
    await store.getState().keepForRecovery();
    expect(recovery.current).not.toBeNull();
    const demo = store.getState().openDemo();
    await settle();
    store.getState().answerReplace('discard');
    await demo;
    expect(store.getState().name).toBe(DEMO_NAME);
    expect(recovery.current).toBeNull();
  });

  it('the Import screen adds an export without asking, and asks only when the file is a whole project', async () => {
    const v1 = readFileSync(join(fixtures, 'v1-preview.steward'), 'utf8');
    const csv = 'fiscal_year,fund_code,object,amount\n2026,GEN,supplies,12.50\n';
    let next = steward('more.csv', csv);
    const { store } = await started({ files: () => next });
    rename(store, 'edited');
    const project = store.getState().project;

    await store.getState().importFile();
    await settle();
    expect(store.getState().replacePrompt).toBeNull();
    expect(store.getState().wizard?.name).toBe('more.csv');
    expect(store.getState().project).toBe(project);

    next = steward('district.steward', v1);
    const opening = store.getState().importFile();
    await vi.waitFor(() => expect(store.getState().replacePrompt).toEqual({ name: DEMO_NAME }));
    store.getState().answerReplace('cancel');
    await opening;
    expect(store.getState().project).toBe(project);
    expect(store.getState().importAnnouncement?.text).toBe('district.steward is a whole project; the one on screen was kept.');
  }, 60_000);
});

// The shell (features/shell/useFileCommands.ts) passes the host's commands to runCommand, giving
// Undo and Redo to a text field instead when one has the focus.
describe('commands from the native menu (desktop)', () => {
  it('save-and-close saves and closes; cancelled, the window stays', async () => {
    let cancel = true;
    const { store, host } = await started({ desktop: true, saveAs: (r) => (cancel ? null : { name: r.suggestedName, token: 'f1' }) });
    rename(store, 'edited');
    void store.getState().runCommand({ command: 'save-and-close' });
    await settle();
    await settle();
    expect(host.closeWindow).not.toHaveBeenCalled();
    cancel = false;
    void store.getState().runCommand({ command: 'save-and-close' });
    await settle();
    await settle();
    expect(host.closeWindow).toHaveBeenCalledTimes(1);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('open-chosen opens a double-clicked file; the window is told the name and unsaved state as they change', async () => {
    const v1 = readFileSync(join(fixtures, 'v1-preview.steward'), 'utf8');
    const { store, documentStates } = await started({ desktop: true });
    void store.getState().runCommand({ command: 'open-chosen', chosen: { ...steward('district.steward', v1), token: 'f3' } });
    await settle();
    await settle();
    expect(store.getState().name).toBe('district.steward');
    rename(store, 'edited');
    expect(documentStates.at(-1)).toEqual({ name: 'district.steward', dirty: true, token: 'f3' });
    store.getState().undo();
    expect(documentStates.at(-1)).toEqual({ name: 'district.steward', dirty: false, token: 'f3' });
  });

  it('settings opens the settings dialog; new, undo and redo do what they say', async () => {
    const { store } = await started({ desktop: true });
    void store.getState().runCommand({ command: 'settings' });
    await settle();
    expect(store.getState().settingsOpen).toBe(true);
    rename(store, 'edited');
    void store.getState().runCommand({ command: 'undo' });
    await settle();
    expect(store.getState().project?.settings.district_name).toBe(demoProject().settings.district_name);
    void store.getState().runCommand({ command: 'redo' });
    await settle();
    expect(store.getState().project?.settings.district_name).toBe('edited');
  });

  it('project settings: one undoable edit, checked against the schema', async () => {
    const { store } = await started();
    expect(store.getState().editSettings({ horizon_years: 40 })).toMatchObject({ ok: false, reason: expect.stringMatching(/horizon_years/) });
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().editSettings({ district_name: DEMO_NAME.replace('demo', 'test') })).toEqual({ ok: true });
    expect(store.getState().past.at(-1)?.label).toBe('edit the project settings');
  });
});
