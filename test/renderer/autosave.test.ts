import { describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveStatus, type AutosaveView } from '../../renderer/store/autosave';
import type { RecoveryStore } from '../../renderer/platform/types';

// Autosave to the recovery store, with the clock and the store faked: when a copy is written, when
// it is removed, and that nothing is written while the restore offer is open.

function setup(initial: Partial<AutosaveView> = {}) {
  const view: AutosaveView = { dirty: false, version: 1, name: 'district.steward', token: undefined, saveable: false, held: false, ...initial };
  const timers = new Map<number, { fn: () => void; at: number }>();
  let now = 0;
  let next = 1;
  const clock = {
    set: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { fn, at: now + ms });
      return id;
    },
    clear: (id: unknown) => void timers.delete(id as number),
  };
  /** Moves the clock on, running the timers that come due. */
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await new Promise((r) => setTimeout(r, 0));
    }
    now = until;
  };
  const written: { version: number; name: string; token?: string }[] = [];
  let failWith: Error | null = null;
  const store: RecoveryStore = {
    write: vi.fn(async (e) => {
      if (failWith) throw failWith;
      written.push({ version: Number(new TextDecoder().decode(e.bytes)), name: e.name, ...(e.token !== undefined ? { token: e.token } : {}) });
      return { savedAt: `t${now}` };
    }),
    read: vi.fn(async () => null),
    clear: vi.fn(async () => undefined),
  };
  const reports: AutosaveStatus[] = [];
  const a = createAutosave({
    view: () => view,
    serialise: async (version) => new TextEncoder().encode(String(version)),
    recovery: store,
    report: (s) => reports.push(s),
    idleMs: 1000,
    maxWaitMs: 5000,
    timers: clock,
  });
  const edit = () => {
    view.version++;
    view.dirty = true;
    a.changed();
  };
  return { a, view, advance, written, store, reports, edit, fail: (e: Error | null) => (failWith = e) };
}

describe('autosave', () => {
  it('writes a copy a second after the last edit, not on every keystroke', async () => {
    const t = setup();
    t.edit();
    await t.advance(500);
    t.edit();
    await t.advance(500);
    expect(t.written).toEqual([]);
    await t.advance(500);
    expect(t.written).toEqual([{ version: 3, name: 'district.steward' }]);
    expect(t.reports.at(-1)).toEqual({ savedAt: 't1500' });
  });

  it('while edits keep coming, at least every five seconds', async () => {
    const t = setup();
    for (let i = 0; i < 12; i++) {
      t.edit();
      await t.advance(600);
    }
    // 12 edits 600 ms apart: never a second's pause, but a copy at 5 s.
    expect(t.written.map((w) => w.version)).toEqual([10]);
  });

  it('nothing is written while the restore offer is open', async () => {
    const t = setup({ held: true, dirty: true });
    t.edit();
    await t.advance(10_000);
    await t.a.flush();
    expect(t.written).toEqual([]);
    expect(t.store.clear).not.toHaveBeenCalled();
  });

  it('saved (clean again): the copy is removed, and a pending write is dropped', async () => {
    const t = setup();
    t.edit();
    await t.advance(1000);
    expect(t.written).toHaveLength(1);
    t.edit();
    t.view.dirty = false; // saved before the next copy was due
    t.a.changed();
    await t.advance(10_000);
    expect(t.written).toHaveLength(1);
    expect(t.store.clear).toHaveBeenCalledTimes(1);
    expect(t.reports.at(-1)).toBeNull();
  });

  it('a clean project that never had a copy removes nothing (the copy of last time stays until answered)', async () => {
    const t = setup();
    t.a.changed();
    await t.advance(10_000);
    expect(t.store.clear).not.toHaveBeenCalled();
  });

  it('flush writes at once, and only what is not written yet', async () => {
    const t = setup();
    t.edit();
    await t.a.flush();
    await t.a.flush();
    expect(t.written.map((w) => w.version)).toEqual([2]);
  });

  it('a restored copy is the work\'s own: saving removes it', async () => {
    const t = setup({ dirty: true });
    t.a.adopt();
    t.view.dirty = false;
    t.a.changed();
    await t.advance(0);
    expect(t.store.clear).toHaveBeenCalledTimes(1);
  });

  it('a failed write is reported (the title bar says the changes are not kept) and tried again after the next edit', async () => {
    const t = setup();
    t.fail(new Error('the browser\'s storage is full'));
    t.edit();
    await t.advance(1000);
    expect(t.reports.at(-1)).toEqual({ problem: 'unsaved changes could not be kept for recovery: the browser\'s storage is full' });
    t.fail(null);
    t.edit();
    await t.advance(1000);
    expect(t.written.map((w) => w.version)).toEqual([3]);
  });

  it('discard removes the copy whatever it is', async () => {
    const t = setup();
    await t.a.discard();
    expect(t.store.clear).toHaveBeenCalledTimes(1);
  });
});
