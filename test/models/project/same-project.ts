import { expect } from 'vitest';
import type { Project } from '../../../models/project/project';

/** Drops `src` (where a row was read from) so a read-back project compares with the built one. */
export function withoutSrc(p: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === 'src' ? undefined : v))) as Record<string, unknown>;
}

/**
 * Asserts two projects hold the same data, table by table and then row by row, so a failure
 * names the table and the first differing row instead of printing two whole projects.
 */
export function expectSameProject(actual: Project | null, expected: Project): void {
  expect(actual).not.toBeNull();
  const a = withoutSrc(actual);
  const e = withoutSrc(expected);
  expect(Object.keys(a).sort()).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) {
    const av = a[key];
    const ev = e[key];
    if (Array.isArray(ev) && Array.isArray(av)) {
      expect(av.length, `${key}: row count`).toBe(ev.length);
      const i = ev.findIndex((row, j) => !isDeepEqual(row, av[j]));
      if (i >= 0) expect(av[i], `${key}[${i}]`).toEqual(ev[i]);
    } else {
      expect(av, key).toEqual(ev);
    }
  }
}

function isDeepEqual(x: unknown, y: unknown): boolean {
  try {
    expect(x).toEqual(y);
    return true;
  } catch {
    return false;
  }
}
