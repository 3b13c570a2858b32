import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildStewardApi } from '../../electron/preload-api';
import { API_CHANNELS } from '../../electron/api-channels';
import { CHANNELS } from '../../electron/ipc-contract';

const invoke = vi.fn(async (..._args: unknown[]) => 'reply');
const api = buildStewardApi(invoke) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;

describe('preload API (window.steward)', () => {
  beforeEach(() => invoke.mockClear());

  it('has one method per channel and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_CHANNELS).sort());
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
    expect(invoke.mock.calls).toEqual([['file:open', { folder: true }], ['app:version']]);
  });

  it('never hands over invoke itself', () => {
    for (const value of Object.values(api)) expect(value).not.toBe(invoke);
  });
});
