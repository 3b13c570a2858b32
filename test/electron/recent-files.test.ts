import { describe, expect, it } from 'vitest';
import { MAX_RECENT, parseRecent, RecentFiles, serialiseRecent } from '../../electron/recent-files';

describe('the recent list', () => {
  it('newest first, no duplicates, at most ten, persisted after each change', async () => {
    const written: string[] = [];
    let changes = 0;
    const r = new RecentFiles([], async (t) => void written.push(t), () => changes++);
    for (let i = 0; i < 12; i++) await r.add(`/p/${i}.steward`, 'file');
    await r.add('/p/5.steward', 'file');
    expect(r.list()).toHaveLength(MAX_RECENT);
    expect(r.list().slice(0, 3).map((e) => e.path)).toEqual(['/p/5.steward', '/p/11.steward', '/p/10.steward']);
    expect(parseRecent(written.at(-1))).toEqual(r.list());
    expect(changes).toBe(13);
    await r.remove('/p/5.steward');
    expect(r.list().map((e) => e.path)).not.toContain('/p/5.steward');
  });

  it('reads a damaged or hand-edited file as far as it is valid', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{')).toEqual([]);
    expect(parseRecent('{"version":2,"recent":[]}')).toEqual([]);
    expect(parseRecent('{"version":1,"recent":"x"}')).toEqual([]);
    const text = JSON.stringify({ version: 1, recent: [{ path: '/a.steward', kind: 'file' }, { path: 7 }, { path: '/b', kind: 'folder' }, { path: '/a.steward', kind: 'file' }, { path: '', kind: 'file' }, { path: '/c', kind: 'link' }] });
    expect(parseRecent(text)).toEqual([{ path: '/a.steward', kind: 'file' }, { path: '/b', kind: 'folder' }]);
    expect(parseRecent(serialiseRecent([{ path: '/x', kind: 'file' }]))).toEqual([{ path: '/x', kind: 'file' }]);
    const polluted = '{"version":1,"recent":[{"path":"/a","kind":"file","__proto__":{"polluted":true}}]}';
    expect(parseRecent(polluted)).toEqual([{ path: '/a', kind: 'file' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
