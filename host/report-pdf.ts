import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';
import { reportHtml } from '../models/report/html';
import type { ReportData } from '../models/report/gather';
import type { ReportBook } from '../models/report/types';
import { saveFile } from './save-file';

// The PDF board report: models/report/html.ts's page printed by Chromium through playwright-core
// (page.pdf). The desktop app prints the same page with webContents.printToPDF and the same
// options; a browser prints it through its @media print rules. Written through the shared atomic
// save routine.

/** Chromium to print with: STEWARD_CHROMIUM or CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.STEWARD_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Options shared with Electron's printToPDF: US Letter, landscape, backgrounds, page numbers in the footer. */
export const PDF_OPTIONS = {
  format: 'Letter',
  landscape: true,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="title"></span> — page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
} as const;

/** Pages in a PDF Chromium wrote (its page objects). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function reportPdfBytes(html: string): Promise<Uint8Array> {
  const exe = chromiumPath();
  if (!existsSync(exe)) throw new Error(`a PDF report is printed by Chromium, and there is none at ${exe}: install it (Debian: apt-get install chromium) or set STEWARD_CHROMIUM to its path`);
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('a PDF report needs playwright-core (npm ci installs it)');
  }
  const browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    // Nothing to fetch: the page is self-contained; block any request a name in the project might smuggle in.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf(PDF_OPTIONS));
  } finally {
    await browser.close();
  }
}

export async function writeReportPdf(path: string, data: ReportData, book: ReportBook, meta: { date: string }): Promise<{ pages: number }> {
  const pdf = await reportPdfBytes(reportHtml(data, book, meta));
  await saveFile(path, pdf);
  return { pages: pdfPageCount(pdf) };
}
