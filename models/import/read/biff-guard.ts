/**
 * Checks (and defuses) the record stream of an .xls workbook before SheetJS parses it.
 *
 * SheetJS 0.18.5 loops forever on some damaged BIFF records (issue 16, found by the fuzz
 * campaign): a record that claims more bytes than the stream holds, an ExternSheet record too
 * short for its own count (its count reads as NaN and `while (n-- !== 0)` never ends), and formula
 * token streams (rgce) whose tokens do not end exactly at their declared length (`while (target
 * != blob.l)` in parse_Rgce never ends). A sync loop cannot be interrupted, so the stream is
 * walked here first, in time linear in its size:
 *  - every record must fit in the stream and be no longer than BIFF allows: otherwise the file is
 *    damaged and refused;
 *  - formulas are never parsed: Steward reads the cached values only (cellFormula is off), so
 *    every formula's token length (cce) is set to 0 — SheetJS then keeps the value and skips the
 *    tokens — and a formula record too short to hold its cce is damaged;
 *  - an ExternSheet count is clamped to the entries the record holds.
 * The stream is edited in place (it is SheetJS's own copy, read from the compound file).
 */

/** Longest record BIFF8 allows (8,224 bytes of data); longer ones only come from damage. */
const MAX_RECORD = 8224;

const BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const EOF = 0x000a;
const CONTINUE = new Set([0x003c, 0x043c, 0x0812, 0x0875, 0x087f]);

type Bytes = { [i: number]: number; readonly length: number };

export class BiffDamage extends Error {}

const u16 = (b: Bytes, at: number): number => b[at]! | (b[at + 1]! << 8);

/** The BIFF version SheetJS settles on from a BOF record (its own rules, parse_workbook). */
function biffOf(type: number, b: Bytes, at: number, size: number): number {
  const byType: Record<number, number> = { 0x0009: 2, 0x0209: 3, 0x0409: 4 };
  const byVersion: Record<number, number> = { 0x0200: 2, 0x0300: 3, 0x0400: 4, 0x0500: 5, 0x0600: 8, 0x0002: 2, 0x0007: 2 };
  const version = size >= 2 ? u16(b, at) : 0;
  const dt = size >= 4 ? u16(b, at + 2) : 0;
  let biff = byType[type] ?? byVersion[version] ?? 8;
  if (version === 0 && dt === 0x1000) biff = 5;
  if (biff === 8 && version === 0 && dt === 16) biff = 2;
  return biff;
}

/** Where a formula-bearing record keeps its token length (cce), and its width in bytes. */
function cceAt(type: number, biff: number): { at: number; width: 1 | 2 } | null {
  switch (type) {
    case 0x0006:
    case 0x0206:
    case 0x0406: // Formula: cell (6), [biff 2: 1], value (8), flags, [reserved], [biff 5+: chn (4)]
      return biff === 2 ? { at: 16, width: 1 } : biff < 5 ? { at: 16, width: 2 } : { at: 20, width: 2 };
    case 0x0018:
    case 0x0218: // Lbl (defined name): flags (2), key (1), name length (1), cce
      return { at: 4, width: biff === 2 ? 1 : 2 };
    case 0x0021:
    case 0x0221: // Array: ref (6), options
      return biff === 2 ? { at: 7, width: 1 } : biff < 5 ? { at: 8, width: 2 } : { at: 12, width: 2 };
    case 0x04bc: // ShrFmla: ref (6), reserved, cUse
      return { at: 8, width: 2 };
    default:
      return null;
  }
}

/**
 * Walks a Workbook/Book stream; throws BiffDamage with what is wrong (for ReadError.detail).
 * Returns the number of records seen.
 */
export function guardBiffStream(b: Bytes): number {
  let pos = 0;
  let biff = 8;
  let last = 0;
  let records = 0;
  // SheetJS's own loop: while (l < length - 1), stopping at a zero type after an EOF.
  while (pos < b.length - 1) {
    const type = u16(b, pos);
    if (type === 0 && last === EOF) break;
    if (pos + 4 > b.length) throw new BiffDamage(`record 0x${type.toString(16)} at byte ${pos} has no length (the stream ends)`);
    const size = u16(b, pos + 2);
    const data = pos + 4;
    if (size > MAX_RECORD) throw new BiffDamage(`record 0x${type.toString(16)} at byte ${pos} claims ${size} bytes (BIFF allows ${MAX_RECORD})`);
    if (data + size > b.length) throw new BiffDamage(`record 0x${type.toString(16)} at byte ${pos} claims ${size} bytes, past the end of the stream (${b.length} bytes)`);
    records++;
    if (BOF.has(type) && biff === 8) biff = biffOf(type, b, data, size);
    const cce = cceAt(type, biff);
    if (cce) {
      if (size < cce.at + cce.width) throw new BiffDamage(`formula record 0x${type.toString(16)} at byte ${pos} is ${size} bytes, too short to hold its formula`);
      b[data + cce.at] = 0;
      if (cce.width === 2) b[data + cce.at + 1] = 0;
    } else if (type === 0x0004 || type === 0x0007) {
      // BIFF2 Label (cell (7), then the length (1) and the characters) and String (the length (1),
      // then the characters): SheetJS reads a string that runs past its record into the records
      // after it, where its character loop need never end (fuzz inputs 16/62910 and 16/67626:
      // 30–37 s of CPU on a 3 KB file before it ran out of memory).
      const at = type === 0x0004 ? 7 : 0;
      const joined = pos + 4 + size + 1 < b.length && u16(b, data + size) === 0x003c;
      if (!joined && (size < at + 1 || at + 1 + b[data + at]! > size)) throw new BiffDamage(`text record 0x${type.toString(16)} at byte ${pos} claims more characters than it holds`);
    } else if (type === 0x0017 && biff >= 8) {
      // ExternSheet: a count, then 6 bytes per entry (SheetJS reads the count as NaN past the end).
      if (size < 2) throw new BiffDamage(`ExternSheet record at byte ${pos} is ${size} bytes, too short for its count`);
      const fits = Math.floor((size - 2) / 6) + continued(b, data + size);
      if (u16(b, data) > fits) {
        b[data] = fits & 0xff;
        b[data + 1] = fits >> 8;
      }
    }
    if (!CONTINUE.has(type)) last = type;
    pos = data + size;
  }
  return records;
}

/** ExternSheet entries that a CONTINUE record right after may add (SheetJS joins them to the record). */
function continued(b: Bytes, pos: number): number {
  let extra = 0;
  while (pos + 4 <= b.length && u16(b, pos) === 0x003c) {
    const size = u16(b, pos + 2);
    extra += size;
    pos += 4 + size;
  }
  return Math.floor(extra / 6);
}
