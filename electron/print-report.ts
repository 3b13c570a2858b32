import { PDF_OPTIONS } from '../host/report-pdf';

// The desktop app's PDF board report: the same print page (models/report/html.ts) printed by
// Electron's own Chromium with webContents.printToPDF and the options `steward report --out
// board.pdf` gives playwright's page.pdf — so the CLI and the app print the same pages. A thin
// layer: the window is passed in (main.ts makes a hidden, sandboxed one with JavaScript off).
// Not yet wired to an IPC channel: the Reports screen offers the print page as .html meanwhile.

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
