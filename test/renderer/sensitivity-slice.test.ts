import { describe, expect, it } from 'vitest';
import { RunCancelled, type SoloRun } from '../../renderer/engine/client';
import { createAppStore } from '../../renderer/store/create-store';
import { fakeServices, settle } from './fake-services';

// Issue 18: the tornado and break-even values run in a worker of their own (engine.solo), with
// progress and Cancel, so the engine worker the other screens use stays free.

describe('the sensitivity run', () => {
  it('answers through the engine where there is no solo worker (the same figures as steward sensitivity)', async () => {
    const f = fakeServices();
    const store = createAppStore(f.services);
    await store.getState().openDemo();
    await settle();
    store.getState().startSensitivity({ scenario: 'Base' });
    expect(store.getState().sensitivity?.status).toBe('running');
    for (let i = 0; i < 200 && store.getState().sensitivity?.status === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    const r = store.getState().sensitivity!;
    expect(r.status).toBe('done');
    expect(r.result!.tornado.bars.length).toBeGreaterThan(0);
    expect(r.result!.break_even.map((b) => b.driver).sort()).toEqual(r.result!.tornado.bars.map((b) => b.driver).sort());
  }, 30_000);

  it('runs in a solo worker with progress, and Cancel stops it', async () => {
    const f = fakeServices();
    const asked: string[] = [];
    let reject: (e: Error) => void = () => {};
    let progress: ((p: { phase: 'sensitivity'; done: number; total: number }) => void) | undefined;
    f.services.engine.solo = ((op: string, _project: unknown, _request: unknown, onProgress?: typeof progress) => {
      asked.push(op);
      progress = onProgress;
      const result = new Promise<never>((_, rej) => { reject = rej; });
      return { result, cancel: () => reject(new RunCancelled()) } satisfies SoloRun<never>;
    }) as typeof f.services.engine.solo;
    const store = createAppStore(f.services);
    await store.getState().openDemo();
    await settle();
    store.getState().startSensitivity({ scenario: 'Levy fails' });
    store.getState().startSensitivity({ scenario: 'Levy fails' }); // the same run: not started twice
    expect(asked).toEqual(['sensitivity']);
    progress!({ phase: 'sensitivity', done: 3, total: 11 });
    expect(store.getState().sensitivity?.progress).toEqual({ phase: 'sensitivity', done: 3, total: 11 });
    store.getState().cancelSensitivity();
    await settle();
    expect(store.getState().sensitivity?.status).toBe('cancelled');
    store.getState().startSensitivity({ scenario: 'Levy fails' }); // run again after a cancel
    expect(asked).toEqual(['sensitivity', 'sensitivity']);
  });
});
