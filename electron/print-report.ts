import { PDF_OPTIONS } from '../host/report-pdf';

// The desktop app's PDF board report: the same print page (models/report/html.ts) printed by
// Electron's own Chromium with webContents.printToPDF and the options `steward report --out
// board.pdf` gives playwright's page.pdf — so the CLI and the app print the same pages. A thin
// layer: the window is passed in (main.ts makes it from PRINT_WINDOW_OPTIONS and answers the
// 'report:pdf' channel with it through handlers.ts; the browser build prints with the print stylesheet).

/** The parts of a BrowserWindow this uses (so it is tested under Node with a fake). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> };
  destroy(): void;
}

export interface PrintToPdfOptions {
  landscape: boolean;
  printBackground: boolean;
  pageSize: 'Letter';
  preferCSSPageSize: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
}

/** page.pdf's options in printToPDF's names. */
export const PRINT_TO_PDF_OPTIONS: PrintToPdfOptions = {
  landscape: PDF_OPTIONS.landscape,
  printBackground: PDF_OPTIONS.printBackground,
  pageSize: PDF_OPTIONS.format,
  preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
  displayHeaderFooter: PDF_OPTIONS.displayHeaderFooter,
  headerTemplate: PDF_OPTIONS.headerTemplate,
  footerTemplate: PDF_OPTIONS.footerTemplate,
};

/** The print page → PDF bytes in `win`, which is destroyed afterwards. */
export async function printReportPdf(win: PrintWindow, html: string): Promise<Uint8Array> {
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
  } finally {
    win.destroy();
  }
}

/** The hidden window's session: its own, so its request filter touches nothing of the app's. */
export const PRINT_PARTITION = 'steward-print';

/**
 * The hidden window the page is printed in: never shown, no JavaScript (the page is static HTML
 * with inline SVG charts), sandboxed, no Node, its own session (PRINT_PARTITION). The HTML comes
 * from the renderer, so it is treated as untrusted: with allowPrintRequest it can load nothing.
 */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 1100,
  height: 850,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    partition: PRINT_PARTITION,
  },
} as const;

/** The print window's request filter: the page itself (its data: URL, inline images) and nothing else — no network, no files. */
export function allowPrintRequest(url: string): boolean {
  return /^data:/i.test(url);
}
