import { Inflate } from 'fflate';

/**
 * A small zip reader over the central directory, so every entry's declared sizes are known
 * before anything is inflated, and the actual inflated bytes are counted as they come out.
 * fflate's unzipSync trusts the declared size and keeps decoding past it; a zip bomb with a
 * lying header would then burn CPU until the worker's time limit. Here it stops at the cap.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Thrown by the zip layer; the reader turns it into a ReadError naming the file. */
export class ZipProblem extends Error {
  constructor(
    message: string,
    readonly kind: 'corrupt' | 'zip-bomb' | 'encrypted' | 'unsupported',
    /** The entry and what went wrong with it, for ReadError.detail: entry names come from the file, so they stay out of messages. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) + u16(b, o + 2) * 65536) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 4294967296;

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export const isZip = (b: Uint8Array): boolean => b.length >= 4 && u32(b, 0) === LOC;

function findEocd(b: Uint8Array): number {
  // The end record sits in the last 22 + 65,535 (comment) bytes.
  const stop = Math.max(0, b.length - 22 - 65535);
  for (let e = b.length - 22; e >= stop; e--) if (u32(b, e) === EOCD) return e;
  throw new ZipProblem('its table of contents is missing: the file is cut short or not a complete workbook', 'corrupt', 'zip end-of-central-directory record not found');
}

const utf8 = new TextDecoder('utf-8');
const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (const x of bytes) s += String.fromCharCode(x);
  return s;
};

/** Lists the entries; throws ZipProblem('corrupt') when the directory is damaged. */
export function listEntries(b: Uint8Array): ZipEntry[] {
  const e = findEocd(b);
  let count = u16(b, e + 10);
  let offset = u32(b, e + 16);
  // Zip64: the locator sits just before the end record.
  if (e >= 20 && u32(b, e - 20) === 0x07064b50) {
    const z = u64(b, e - 12);
    if (u32(b, z) === 0x06064b50) {
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== CEN) throw new ZipProblem('its table of contents is damaged', 'corrupt', `zip central directory entry ${i} missing at offset ${o}`);
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    let compressedSize = u32(b, o + 20);
    let size = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let localOffset = u32(b, o + 42);
    const nameBytes = b.subarray(o + 46, o + 46 + nameLen);
    const name = flags & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes);
    // Zip64 extra field: the 0xFFFFFFFF fields, in order, are given there as 64-bit values.
    let x = o + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 1) {
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(b, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, p);
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    o = xEnd + commentLen;
  }
  return entries;
}

/** Where an entry's compressed data starts and ends, checked against the file. */
function dataRange(b: Uint8Array, entry: ZipEntry): [number, number] {
  const l = entry.localOffset;
  if (l + 30 > b.length || u32(b, l) !== LOC) throw new ZipProblem('a part of it is damaged', 'corrupt', `entry ${entry.name}: local header missing`);
  const start = l + 30 + u16(b, l + 26) + u16(b, l + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipProblem('it is cut short (an incomplete download or copy)', 'corrupt', `entry ${entry.name}: data runs past the end of the file`);
  return [start, end];
}

/** A budget of inflated bytes shared by all entries of one file. */
export interface InflateBudget {
  remaining: number;
  /**
   * A faster raw-DEFLATE inflater the host may supply (Node's zlib is ~2× fflate). It must
   * throw InflateTooLarge rather than produce more than `maxOutput` bytes, and throw anything
   * else for damaged data. Absent (browser), fflate's streaming inflater is used.
   */
  inflateRaw?: InflateRaw;
}

export type InflateRaw = (compressed: Uint8Array, maxOutput: number) => Uint8Array;

/** What an injected inflater throws when the output would pass its limit. */
export class InflateTooLarge extends Error {}

// 256 KB of input per push: smaller pushes cost fflate ~2× in overhead; larger ones let a
// lying entry produce more (up to ~1,000× the push) before the cap check sees it.
const CHUNK = 1 << 18;

/**
 * The checks every entry passes before it is inflated (not encrypted, within the budget, a method
 * we read), and where its data is: the bytes themselves when stored, the deflated range otherwise.
 */
function openEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): { stored: Uint8Array } | { start: number; end: number; limit: number } {
  if (entry.encrypted) throw new ZipProblem('it is password-protected', 'encrypted', `entry ${entry.name} is encrypted`);
  if (entry.size > budget.remaining) {
    throw new ZipProblem(`a part of it would unpack to ${Math.ceil(entry.size / 2 ** 20)} MB, over the safety cap`, 'zip-bomb', `entry ${entry.name}: ${entry.size} bytes declared`);
  }
  const [start, end] = dataRange(b, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipProblem('a part of it is damaged', 'corrupt', `entry ${entry.name}: stored sizes differ`);
    budget.remaining -= entry.size;
    return { stored: b.subarray(start, end) };
  }
  if (entry.method !== 8) throw new ZipProblem(`zip compression method ${entry.method}`, 'unsupported', `entry ${entry.name}: method ${entry.method}`);
  return { start, end, limit: Math.min(entry.size, budget.remaining) };
}

/**
 * Inflates one entry, refusing to produce more than its declared size or the shared budget.
 * The declared size was checked against the budget before; this catches headers that lie.
 */
export function readEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const o = openEntry(b, entry, budget);
  if ('stored' in o) return o.stored;
  if (budget.inflateRaw) return inflateWith(budget.inflateRaw, b.subarray(o.start, o.end), entry, o.limit, budget);
  const out = new Uint8Array(entry.size);
  let n = 0;
  inflateChunks(b, entry, o.start, o.end, o.limit, budget, (chunk) => {
    out.set(chunk, n);
    n += chunk.length;
  });
  return out;
}

/**
 * Inflates one entry piece by piece, handing each piece of output to `onChunk` (which
 * must use or copy it before returning), under the same caps as readEntry: a sheet of a
 * million lines is read without ever holding its 300 MB of XML (import/xlsx-direct.ts).
 * Whatever `onChunk` throws stops the inflating and is thrown as it is.
 */
export function streamEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
  const o = openEntry(b, entry, budget);
  if ('stored' in o) {
    for (let p = 0; p < o.stored.length; p += CHUNK) onChunk(o.stored.subarray(p, Math.min(o.stored.length, p + CHUNK)));
    return;
  }
  inflateChunks(b, entry, o.start, o.end, o.limit, budget, onChunk);
}

/** fflate's streaming inflater over b[start, end), stopping past `limit` bytes; checks the declared size. */
function inflateChunks(b: Uint8Array, entry: ZipEntry, start: number, end: number, limit: number, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
  let n = 0;
  let over = false;
  // What onChunk threw: kept apart from fflate's own errors, which mean damaged data.
  let thrown: { error: unknown } | null = null;
  const inf = new Inflate((chunk) => {
    if (over || thrown) return;
    if (n + chunk.length > limit) {
      over = true;
      return;
    }
    n += chunk.length;
    try {
      onChunk(chunk);
    } catch (e) {
      thrown = { error: e };
    }
  });
  try {
    for (let p = start; p < end && !over && !thrown; p += CHUNK) {
      const q = Math.min(end, p + CHUNK);
      inf.push(b.subarray(p, q), q === end);
    }
  } catch {
    if (!thrown) throw new ZipProblem('a part of it is damaged (its compressed data does not unpack)', 'corrupt', `entry ${entry.name}: inflate failed`);
  }
  if (thrown) throw (thrown as { error: unknown }).error;
  if (over) throw new ZipProblem('a part of it unpacks to more than it declares', 'zip-bomb', `entry ${entry.name}: inflates past ${entry.size} bytes`);
  if (n !== entry.size) throw new ZipProblem('a part of it is cut short or damaged', 'corrupt', `entry ${entry.name}: inflated size is not the ${entry.size} bytes declared`);
  budget.remaining -= n;
}

function inflateWith(inflate: InflateRaw, data: Uint8Array, entry: ZipEntry, limit: number, budget: InflateBudget): Uint8Array {
  let out: Uint8Array;
  try {
    // One byte over the declared size is enough to know the header lied.
    out = inflate(data, limit + 1);
  } catch (e) {
    if (e instanceof InflateTooLarge) throw new ZipProblem('a part of it unpacks to more than it declares', 'zip-bomb', `entry ${entry.name}: inflates past ${entry.size} bytes`);
    throw new ZipProblem('a part of it is damaged (its compressed data does not unpack)', 'corrupt', `entry ${entry.name}: inflate failed`);
  }
  if (out.length > limit) throw new ZipProblem('a part of it unpacks to more than it declares', 'zip-bomb', `entry ${entry.name}: inflates past ${entry.size} bytes`);
  if (out.length !== entry.size) throw new ZipProblem('a part of it is cut short or damaged', 'corrupt', `entry ${entry.name}: inflated size is not the ${entry.size} bytes declared`);
  budget.remaining -= out.length;
  return out;
}
