import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildStewardApi } from '../../electron/preload-api';
import { API_CHANNELS } from '../../electron/api-channels';
import { CHANNELS } from '../../electron/ipc-contract';

const invoke = vi.fn(async (..._args: unknown[]) => 'reply');
let delivered: ((payload: unknown) => void) | undefined;
const unsubscribe = vi.fn();
const subscribe = vi.fn((listener: (payload: unknown) => void) => {
  delivered = listener;
  return unsubscribe;
});
const api = buildStewardApi(invoke, subscribe) as unknown as Record<string, (...a: unknown[]) => unknown>;

describe('preload API (window.steward)', () => {
  beforeEach(() => invoke.mockClear());

  it('has one method per channel, onCommand, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_CHANNELS), 'onCommand'].sort());
    expect(Object.values(API_CHANNELS).sort()).toEqual([...CHANNELS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(Object.entries(API_CHANNELS))('%s invokes %s', async (method, channel) => {
    await expect(api[method]!()).resolves.toBe('reply');
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke.mock.calls[0]?.[0]).toBe(channel);
  });

  it('passes only the request object on, so the renderer cannot pick another channel or add arguments', async () => {
    await api.openFile!({ folder: true }, 'fs:read', '/etc/passwd');
    await api.appVersion!('fs:read', '/etc/passwd');
    await api.readRecovery!('/etc/passwd');
    await api.openRecent!({ id: 'f1' }, '/etc/passwd');
    expect(invoke.mock.calls).toEqual([['file:open', { folder: true }], ['app:version'], ['recovery:read'], ['file:open-recent', { id: 'f1' }]]);
  });

  it('onCommand hands the listener the payload only, and returns the unsubscribe', () => {
    const seen: unknown[] = [];
    const off = api.onCommand!((c: unknown) => seen.push(c)) as () => void;
    delivered!({ command: 'save' });
    expect(seen).toEqual([{ command: 'save' }]);
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(() => api.onCommand!('not a function')).toThrow(TypeError);
  });

  it('never hands over invoke or the subscription itself', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(invoke);
      expect(value).not.toBe(subscribe);
    }
  });
});
