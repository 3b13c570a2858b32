/**
 * A content hash of a plain-data value (a Project): SHA-256 of a stable serialisation. Two values
 * with the same hash have the same content whatever their identity, so a cache keyed by it cannot
 * go stale when an object is edited in place (host/monte-carlo-pool.ts keys its warm workers by it).
 *
 * The serialisation is JSON with object keys sorted (so key order does not matter) and the values
 * JSON would blur kept apart: NaN, ±Infinity, -0 and undefined get their own tokens. A value that
 * is not plain data (a Map, a typed array, a class instance, a function, a cycle) has no content
 * hash: null, and the caller must not cache. (A Date counts as its ISO text, through its toJSON.)
 * Cost (npm run bench forecast): 12–14 ms on the demo district (~0.8 MB of JSON), about 0.4 s on
 * 100,000 budget lines + 20,000 positions (~20 MB); most of it is JSON.stringify and UTF-8.
 */
import { createHash } from 'node:crypto';

class NotPlainData extends Error {}

// The tokens are strings that start with U+0000; a string in the data that starts with U+0000
// gets one too (\u0000s…), so no string can pass for a token.
function replacer(this: unknown, _key: string, v: unknown): unknown {
  switch (typeof v) {
    case 'string': return v.charCodeAt(0) === 0 ? `\u0000s${v}` : v;
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : `\u0000n${Object.is(v, -0) ? '-0' : String(v)}`;
    case 'undefined': return '\u0000u';
    case 'bigint': return `\u0000b${v}`;
    case 'function': case 'symbol': throw new NotPlainData();
    case 'object': {
      if (v === null || Array.isArray(v)) return v;
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
      const keys = Object.keys(v);
      let sorted = true;
      for (let i = 1; i < keys.length && sorted; i++) if (keys[i - 1]! > keys[i]!) sorted = false;
      if (sorted) return v;
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const k of keys.sort()) o[k] = (v as Record<string, unknown>)[k];
      return o;
    }
    default: return v;
  }
}

/** SHA-256 (hex) of `value`'s content, or null when it is not plain data. */
export function contentHash(value: unknown): string | null {
  let text: string;
  try {
    text = JSON.stringify(value, replacer) ?? '\u0000u';
  } catch (e) {
    // A cycle (TypeError) is not plain data either.
    if (e instanceof NotPlainData || e instanceof TypeError) return null;
    throw e;
  }
  return createHash('sha256').update(text).digest('hex');
}
