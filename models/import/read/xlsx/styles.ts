import { attr, startTags } from './xml';

/**
 * Which cell styles show a number as a date. Excel stores dates as serial numbers; only the
 * style's number format says "this is a date", so a reader that ignores styles hands the
 * importer 45292 where the user sees 2024-01-01.
 */

// Built-in number formats that are dates (ECMA-376 §18.8.30, plus the East Asian date ids).
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * A custom format is a date when, outside quoted text, escapes and [brackets], it has a day or
 * year token. Month-only ("mmm") counts too; time-only formats (h:mm, [h]:mm:ss) do not —
 * they stay numbers, since a duration is not a calendar date.
 */
export function isDateFormat(code: string): boolean {
  let plain = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const q = code.indexOf('"', i + 1);
      i = q < 0 ? code.length : q;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const q = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, q < 0 ? code.length : q);
      // [h], [mm], [ss] are elapsed-time tokens; [Red], [$-409], [>100] are not tokens.
      if (/^[hms]+$/i.test(inside)) plain += inside;
      i = q < 0 ? code.length : q;
    } else {
      plain += ch;
    }
  }
  const lower = plain.toLowerCase();
  if (lower === 'general' || lower === '') return false;
  // Only the first section (positive numbers) decides.
  const first = lower.split(';')[0] ?? '';
  if (/[dy]/.test(first)) return true;
  // "mmm" / "mmmm" alone is a month name; "m" beside h or s is minutes.
  return /m/.test(first) && !/[hs]/.test(first) && !/[0#?]/.test(first);
}

/** For each cellXfs index (a cell's s="…"), whether it is a date style. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const t of startTags(stylesXml, new Set(['numFmt']))) {
    const id = Number(attr(t.text, 'numFmtId'));
    const code = attr(t.text, 'formatCode');
    if (Number.isFinite(id) && code !== null) custom.set(id, code);
  }
  const out: boolean[] = [];
  const xfsStart = stylesXml.search(/<([\w.-]+:)?cellXfs[\s>]/);
  if (xfsStart < 0) return out;
  const xfsEnd = stylesXml.search(/<\/([\w.-]+:)?cellXfs>/);
  const xfs = stylesXml.slice(xfsStart, xfsEnd < 0 ? undefined : xfsEnd);
  for (const t of startTags(xfs, new Set(['xf']))) {
    const id = Number(attr(t.text, 'numFmtId') ?? '0');
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id));
  }
  return out;
}
