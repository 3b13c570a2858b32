import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEdit } from '../../renderer/features/scenarios/scenario-drivers';
import { demoStore, settle } from './fake-services';

// Issue 18: a what-if slider move is an undoable step on the app's history (the project version
// stays as it is, so nothing is checked again); a drag of one slider is one step; "save as
// scenario" is an edit, and undoing it brings the sliders back too.

afterEach(() => { vi.restoreAllMocks(); });

describe('what-if sliders on the undo history', () => {
  it('undoes and redoes moves, a drag as one step, without a new project version', async () => {
    const { store, calls } = await demoStore();
    const now = vi.spyOn(Date, 'now');
    const v0 = store.getState().version;
    calls.length = 0;
    const move = (t: number, moved: Record<string, number>, driver: string) => { now.mockReturnValue(t); store.getState().moveWhatIf({ scenario: 'Base', moved }, `move ${driver}`, driver); };
    move(1_000, { enrollment_growth: -0.01 }, 'enrollment_growth');
    move(1_100, { enrollment_growth: -0.02 }, 'enrollment_growth'); // the same drag
    move(1_200, { enrollment_growth: -0.02, cola: 0.04 }, 'cola');
    move(5_000, { enrollment_growth: -0.02, cola: 0.05 }, 'cola'); // a later move of the same slider: a step of its own
    let s = store.getState();
    expect(s.past.length).toBe(3);
    expect(s.version).toBe(v0);
    expect(s.whatIf).toEqual({ scenario: 'Base', moved: { enrollment_growth: -0.02, cola: 0.05 } });
    s.undo();
    expect(store.getState().whatIf?.moved).toEqual({ enrollment_growth: -0.02, cola: 0.04 });
    store.getState().undo();
    expect(store.getState().whatIf?.moved).toEqual({ enrollment_growth: -0.02 });
    store.getState().undo();
    s = store.getState();
    expect(s.whatIf).toBeNull();
    expect(s.past.length).toBe(0);
    s.redo();
    expect(store.getState().whatIf?.moved).toEqual({ enrollment_growth: -0.02 });
    await settle();
    expect(calls).toEqual([]); // no sync, no check: the project did not change
    expect(store.getState().checked?.version).toBe(v0);
  });

  it('saving as a scenario is one edit; undo takes the scenario away and brings the sliders back', async () => {
    const { store } = await demoStore();
    store.getState().moveWhatIf({ scenario: 'Base', moved: { cola: 0.01 } }, 'move cola', 'cola');
    const before = store.getState().project!;
    expect(store.getState().edit(createEdit(before, 'Low COLA', 'Base', { cola: 0.01 }), 'save what-if as Low COLA')).toEqual({ ok: true });
    store.setState({ whatIf: null });
    await settle();
    expect(store.getState().project!.scenarios.filter((r) => r.scenario === 'Low COLA')).toEqual([{ scenario: 'Low COLA', driver: 'cola', value: 0.01 }]);
    store.getState().undo();
    await settle();
    expect(store.getState().project).toBe(before);
    expect(store.getState().whatIf).toEqual({ scenario: 'Base', moved: { cola: 0.01 } });
    store.getState().redo();
    await settle();
    expect(store.getState().whatIf).toBeNull();
    expect(store.getState().project!.scenarios.some((r) => r.scenario === 'Low COLA')).toBe(true);
  });
});
