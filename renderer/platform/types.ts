import type { Command } from '../../electron/ipc-contract';

export type { Command };

/**
 * The renderer's only door to the outside world: bytes in, bytes out, and the few things only the
 * host can do (keep unsaved work for recovery, remember recent files, the window). Electron's main
 * process (dialogs, the file system) and the browser (a file input, downloads, IndexedDB) each
 * implement it; everything else — opening, checking, computing — is shared code in the engine worker.
 */
export interface ChosenFiles {
  /** The file's or folder's name (never a path). */
  name: string;
  /** What saving back to the same file needs (Electron: a token for the path; browser: none). */
  token?: string;
  files: { name: string; bytes: Uint8Array }[];
}

/** Unsaved work kept for recovery: the project as .steward bytes, with the name it had on screen. */
export interface RecoveryEntry {
  name: string;
  /** When it was kept (ISO 8601). */
  savedAt: string;
  /** Desktop: the file it came from, so Save after a restore writes back there. */
  token?: string;
  saveable: boolean;
  bytes: Uint8Array;
}

/** A recently opened or saved file (desktop): its name and folder's name, never its path. */
export interface RecentEntry { id: string; name: string; folder: string; kind: 'file' | 'folder' }

export interface RecoveryStore {
  write(entry: { name: string; token?: string; saveable: boolean; bytes: Uint8Array }): Promise<{ savedAt: string }>;
  read(): Promise<RecoveryEntry | null>;
  clear(): Promise<void>;
}

export interface Host {
  readonly kind: 'desktop' | 'browser';
  /** The native menu owns the file and edit shortcuts (desktop): the page leaves those keys alone. */
  readonly nativeMenu: boolean;
  /** "Steward 0.1.0 · Electron 45" or "· in the browser", for the footer. */
  version(): Promise<{ app: string; electron: string | null }>;
  /** The user picks a file (or a folder of CSVs); null when cancelled. */
  openFile(opts: { folder: boolean }): Promise<ChosenFiles | null>;
  /**
   * Save bytes: back to `token`'s file (Save), or where the user chooses (Save As / first save).
   * The browser build downloads the file. null when cancelled; throws with the reason when refused.
   */
  saveFile(req: { token?: string; suggestedName: string; bytes: Uint8Array; saveAs: boolean }): Promise<{ name: string; token?: string } | null>;
  /**
   * The board report's print page as PDF bytes (desktop: webContents.printToPDF in the main process,
   * the same pages as `steward report --out board.pdf`). Absent in the browser, which prints the
   * page with its print stylesheet.
   */
  printPdf?(html: string): Promise<Uint8Array>;
  /** Unsaved work kept for recovery (desktop: a file in the app's data folder; browser: IndexedDB). */
  readonly recovery: RecoveryStore;
  /**
   * Recently opened files — desktop only (null in the browser: a downloaded or picked file cannot be
   * opened again by name, and keeping copies of district budgets in the browser's storage is not ours to do).
   */
  readonly recent: { list(): Promise<RecentEntry[]>; open(id: string): Promise<ChosenFiles | null>; clear(): Promise<void> } | null;
  /** The file the app was started with (desktop: a double-clicked .steward); null otherwise. */
  launchFile(): Promise<ChosenFiles | null>;
  /** Commands from outside the page (desktop: the native menu, files opened by double-click); returns the unsubscribe. */
  onCommand(listener: (command: Command) => void): () => void;
  /**
   * The project's name and unsaved state, as they change. Desktop: the main process asks before
   * closing a window with unsaved changes (and marks it on macOS); browser: leaving the page asks.
   */
  setDocumentState(state: { name: string; dirty: boolean; token?: string }): void;
  /** Desktop: close the window (after "Save" in the close prompt saved the project). */
  closeWindow(): Promise<void>;
}
