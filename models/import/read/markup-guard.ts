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

/** The text without the unclosed tables at its end (the text itself when there are none). */
export function withoutUnclosedTables(text: string): string {
  if (!sheetJsSeesHtml(text)) return text;
  const lower = text.toLowerCase();
  const lastClose = lower.lastIndexOf('</table>');
  const open = lower.indexOf('<table', lastClose < 0 ? 0 : lastClose);
  return open < 0 ? text : text.slice(0, open);
}
