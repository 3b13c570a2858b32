// Spreadsheet keys for a grid, as plain functions (tested under Node): where the active cell goes,
// and what a key does to a cell editor.

export interface CellPos {
  row: number;
  col: number;
}

export interface GridBounds {
  rows: number;
  cols: number;
  /** Rows in a page (PageUp / PageDown). */
  page: number;
}

export interface KeyMods {
  ctrl: boolean;
  shift: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The cell a navigation key moves to (arrows, Home/End, Ctrl+Home/End, PageUp/PageDown), or null for other keys. */
export function moveFor(key: string, mods: KeyMods, pos: CellPos, b: GridBounds): CellPos | null {
  const lastRow = Math.max(0, b.rows - 1);
  const lastCol = Math.max(0, b.cols - 1);
  let { row, col } = pos;
  switch (key) {
    case 'ArrowUp': row = mods.ctrl ? 0 : row - 1; break;
    case 'ArrowDown': row = mods.ctrl ? lastRow : row + 1; break;
    case 'ArrowLeft': col = mods.ctrl ? 0 : col - 1; break;
    case 'ArrowRight': col = mods.ctrl ? lastCol : col + 1; break;
    case 'Home': col = 0; if (mods.ctrl) row = 0; break;
    case 'End': col = lastCol; if (mods.ctrl) row = lastRow; break;
    case 'PageUp': row -= b.page; break;
    case 'PageDown': row += b.page; break;
    default: return null;
  }
  return { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) };
}

/** What a key does while a cell is being edited. `enter` mode (typing started the edit) lets arrows leave the cell; `edit` mode (Enter, F2, a double click) keeps Left/Right for the caret. */
export type EditorAction =
  | { kind: 'commit'; move: CellPos | 'leave' }
  | { kind: 'cancel' }
  | { kind: 'none' };

export function editorKey(key: string, mods: KeyMods, mode: 'enter' | 'edit', pos: CellPos, b: GridBounds): EditorAction {
  const lastCol = b.cols - 1;
  const at = (row: number, col: number): CellPos => ({ row: clamp(row, 0, Math.max(0, b.rows - 1)), col: clamp(col, 0, Math.max(0, lastCol)) });
  switch (key) {
    case 'Enter': return { kind: 'commit', move: at(pos.row + (mods.shift ? -1 : 1), pos.col) };
    case 'Tab': {
      const col = pos.col + (mods.shift ? -1 : 1);
      // Past the last (or first) column Tab leaves the grid, so a keyboard user is never trapped in it.
      return { kind: 'commit', move: col < 0 || col > lastCol ? 'leave' : at(pos.row, col) };
    }
    case 'Escape': return { kind: 'cancel' };
    case 'ArrowUp': return { kind: 'commit', move: at(pos.row - 1, pos.col) };
    case 'ArrowDown': return { kind: 'commit', move: at(pos.row + 1, pos.col) };
    case 'ArrowLeft': return mode === 'enter' ? { kind: 'commit', move: at(pos.row, pos.col - 1) } : { kind: 'none' };
    case 'ArrowRight': return mode === 'enter' ? { kind: 'commit', move: at(pos.row, pos.col + 1) } : { kind: 'none' };
    default: return { kind: 'none' };
  }
}

/** Whether a key typed on a cell starts editing it with that character (a printable key, no Ctrl/Alt/⌘). */
export function startsTyping(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
