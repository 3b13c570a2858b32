/**
 * The cells of a table as the screen shows them (caption left out), one string per cell, for the
 * CSV and copy buttons under every table. A cell spanning columns is followed by empty cells so
 * the columns line up; a form control counts as its value (an editor's inputs, the import
 * wizard's column choices); a cell's buttons and tick boxes ("Delete", "Open") are left out unless they are all
 * the cell holds (a site name shown as a button).
 */
export function tableGrid(table: HTMLTableElement): string[][] {
  const grid: string[][] = [];
  for (const row of Array.from(table.rows)) {
    const out: string[] = [];
    for (const cell of Array.from(row.cells)) {
      out.push(cellText(cell));
      for (let i = 1; i < cell.colSpan; i++) out.push('');
    }
    grid.push(out);
  }
  return grid;
}

function cellText(cell: HTMLTableCellElement): string {
  const own = textOf(cell, false).replace(/\s+/g, ' ').trim();
  return own !== '' ? own : textOf(cell, true).replace(/\s+/g, ' ').trim();
}

function textOf(node: Node, withButtons: boolean): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof HTMLElement)) return '';
  // A tick box counts only when it is all the cell holds ("Read: yes"), not beside its own label ("Row 3").
  if (node instanceof HTMLInputElement) return node.type === 'checkbox' || node.type === 'radio' ? (withButtons ? (node.checked ? 'yes' : 'no') : '') : node.value;
  if (node instanceof HTMLSelectElement) return node.selectedOptions[0]?.textContent ?? '';
  if (node instanceof HTMLTextAreaElement) return node.value;
  if (!withButtons && node instanceof HTMLButtonElement) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += textOf(child, withButtons);
  // Block-ish children (several lines in one cell) keep a space between them.
  return node.tagName === 'BR' || node.tagName === 'DIV' || node.tagName === 'P' || node.tagName === 'LI' ? ` ${text} ` : text;
}
