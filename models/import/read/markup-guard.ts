/**
 * Bounds an HTML table export (a web page saved as ".xls") before SheetJS reads it.
 *
 * SheetJS finds the tables with /<table[\s\S]*?>[\s\S]*?<\/table>/gi. A `<table` that no
 * `</table>` follows (a file cut short) makes that search quadratic: for every later '>' it scans
 * to the end again — 16.8 s of CPU for a 1.2 MB file of nested tags (issue 16). Such a table can
 * never match, so it is cut off here first: SheetJS then reads exactly the tables it would have
 * read, in linear time (or says it found none).
 */

/** SheetJS's own test for "this markup is HTML" (parse_xlml_xml): its first 1,024 characters. */
export function sheetJsSeesHtml(text: string): boolean {
  const opening = text.slice(0, 1024).toLowerCase();
  if (opening.includes('<?xml')) return false;
  return ['html', 'table', 'head', 'meta', 'script', 'style', 'div'].some((tag) => opening.includes(`<${tag}`));
}

/** Longest cell start tag SheetJS is given; a real export's are a few hundred characters. */
export const MAX_CELL_TAG = 65_536;

export class MarkupDamage extends Error {}

/**
 * SheetJS reads each HTML cell's attributes with a regex that is quadratic in a long run of
 * characters without quotes, spaces or '>' (its ReDoS advisory): 6 MB of `&quot;` after a cell
 * whose '>' was damaged ran for minutes (fuzz input 7/962). SheetJS takes a cell's "tag" to be
 * everything from the start of the cell (after `<tr …>` or `</td>`) to its first '>'; this finds
 * every such start in one pass and refuses the file when a tag would be longer than MAX_CELL_TAG.
 */
export function checkCellTags(text: string): void {
  if (!sheetJsSeesHtml(text)) return;
  const lower = text.toLowerCase();
  const n = lower.length;
  // The next '>' at or after a position: positions only grow, so one forward pointer suffices.
  let gt = -1;
  const nextGt = (from: number): number => {
    if (gt < from && gt !== n) gt = lower.indexOf('>', from);
    if (gt < 0) gt = n;
    return gt;
  };
  const check = (start: number): void => {
    let s = start;
    while (s < n && lower.charCodeAt(s) <= 32) s++;
    if (s < n && nextGt(s) - s > MAX_CELL_TAG) throw new MarkupDamage(`a cell's start tag at character ${s} runs for ${nextGt(s) - s} characters`);
  };
  for (let i = lower.indexOf('<'); i >= 0 && i < n; i = lower.indexOf('<', i + 1)) {
    if (lower.startsWith('</td>', i) || lower.startsWith('</th>', i)) check(i + 5);
    else if (lower.startsWith('<tr', i) && (lower.charCodeAt(i + 3) <= 32 || lower.charCodeAt(i + 3) === 62)) {
      const end = nextGt(i);
      if (end - i > MAX_CELL_TAG) throw new MarkupDamage(`a row tag at character ${i} runs for ${end - i} characters`);
      check(end + 1);
    }
  }
}

/** The text without the unclosed tables at its end (the text itself when there are none). */
export function withoutUnclosedTables(text: string): string {
  if (!sheetJsSeesHtml(text)) return text;
  const lower = text.toLowerCase();
  const lastClose = lower.lastIndexOf('</table>');
  const open = lower.indexOf('<table', lastClose < 0 ? 0 : lastClose);
  return open < 0 ? text : text.slice(0, open);
}
