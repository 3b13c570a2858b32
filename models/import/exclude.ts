import type { Cell } from './types';

// Rows in an export that are not data: totals, subtotals and footers. They are excluded and
// reported (counted as rejected and as excluded, each with its reason), never silently dropped.

// Excel's Subtotal feature writes "<group> Total" with a capital T; a description ending in "total" is not one.
const TOTAL_SUFFIX = /(?:^|[\s\-–])(?:[Ss]ub\s*-?\s*)?(?:Total|TOTAL)s?\s*:?\s*$/;
const FOOTER = /^(?:printed(?:\s+on|\s+by)?\b|print\s+date\b|page\s+\d+(?:\s+of\s+\d+)?\b|report\s+(?:generated|run|printed|date)\b|generated\s+(?:on|by|at)\b|run\s+(?:date|time)\b|(?:data\s+)?source\s*:|end\s+of\s+report\b|\*{1,3}\s*end\b|note\s*:|notes\s*:|footnote|confidential\b)/i;

export type ExcludeReason = 'total' | 'subtotal' | 'footer';

/** A footer or print line: "Printed 3/4/2026 10:15 AM", "Page 1 of 3", "Report generated …". */
export function isFooterText(text: string): boolean {
  return FOOTER.test(text.trim());
}

/** A footnote or legend line standing alone in its row: "† indicates …", "* Includes …", or a sentence. */
export function isNoteText(text: string): boolean {
  if (/^[*†‡§¹²³–—]/.test(text) || /^-\s/.test(text)) return true;
  return text.length >= 40 && text.split(/\s+/).length >= 6 && /[a-z]/.test(text);
}

/**
 * What a label cell says about its row. Subtotals: "Subtotal", "Fund 110 - Total", "Total for Lincoln",
 * "Lincoln Elementary Total" (Excel's Subtotal feature). Totals: "Total", "Grand Total", "Totals:",
 * and "Total <name>" of at most three words ("Total DCPS"); longer "Total …" text is a description.
 */
export function totalKind(label: string): 'total' | 'subtotal' | null {
  const t = label.trim();
  if (t.length > 80) return null;
  if (/^(?:grand\s+)?totals?\s*:?$/i.test(t)) return 'total';
  if (/^grand\s+total\b/i.test(t)) return 'total';
  if (/^sub\s*-?\s*totals?\b/i.test(t) || /^totals?\s+(?:for|of)\b/i.test(t) || (TOTAL_SUFFIX.test(t) && t.split(/\s+/).length <= 6)) return 'subtotal';
  if (/^totals?\s*:?\s+\S/i.test(t) && t.split(/\s+/).length <= 3) return 'total';
  return null;
}

/**
 * Classifies a data row. Labels are looked for in the first text cells of the row (where exports
 * put them); a footer is a row of one or two text cells matching a print/page/source pattern.
 * Only text cells containing "total" are tested with regexes, so ordinary rows cost a few compares.
 */
export function excludeReason(row: readonly Cell[]): { kind: ExcludeReason; label: string; column: number } | null {
  let seenText = 0;
  let filled = 0;
  let firstText = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    filled++;
    if (typeof v !== 'string') continue;
    if (seenText < 3) {
      if (v.length >= 5 && (v.includes('otal') || v.includes('OTAL'))) {
        const k = totalKind(v);
        if (k) return { kind: k, label: v.trim(), column: c };
      }
    }
    if (firstText < 0 && v.trim() !== '') firstText = c;
    seenText++;
  }
  if (filled <= 2 && firstText >= 0) {
    const text = (row[firstText] as string).trim();
    if (isFooterText(text) || (filled === 1 && isNoteText(text))) return { kind: 'footer', label: text, column: firstText };
  }
  return null;
}
