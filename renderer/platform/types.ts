/**
 * The renderer's only door to the outside world: bytes in, bytes out. Electron's main process
 * (dialogs, the file system) and the browser (a file input, downloads) each implement it; every
 * thing else — opening, checking, computing — is shared code in the engine worker.
 */
export interface ChosenFiles {
  /** The file's or folder's name (never a path). */
  name: string;
  /** What saving back to the same file needs (Electron: a token for the path; browser: none). */
  token?: string;
  files: { name: string; bytes: Uint8Array }[];
}

export interface Host {
  readonly kind: 'desktop' | 'browser';
  /** "Steward 0.1.0 · Electron 45" or "· in the browser", for the footer. */
  version(): Promise<{ app: string; electron: string | null }>;
  /** The user picks a file (or a folder of CSVs); null when cancelled. */
  openFile(opts: { folder: boolean }): Promise<ChosenFiles | null>;
  /**
   * Save bytes: back to `token`'s file (Save), or where the user chooses (Save As / first save).
   * The browser build downloads the file. null when cancelled.
   */
  saveFile(req: { token?: string; suggestedName: string; bytes: Uint8Array; saveAs: boolean }): Promise<{ name: string; token?: string } | null>;
}
