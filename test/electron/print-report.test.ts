import { describe, expect, it } from 'vitest';
import { printReportPdf, PRINT_TO_PDF_OPTIONS, type PrintWindow } from '../../electron/print-report';

describe('the desktop PDF report (webContents.printToPDF)', () => {
  it('loads the print page as a data URL, prints with the CLI\'s options and destroys the window, also on failure', async () => {
    const calls: string[] = [];
    const fake = (fail: boolean): PrintWindow => ({
      loadURL: async (url) => { calls.push(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')); },
      webContents: { printToPDF: async (o) => { expect(o).toEqual(PRINT_TO_PDF_OPTIONS); if (fail) throw new Error('printer on fire'); return new Uint8Array([37, 80, 68, 70]); } },
      destroy: () => { calls.push('destroyed'); },
    });
    expect(await printReportPdf(fake(false), '<h1>Summary – é</h1>')).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(calls).toEqual(['<h1>Summary – é</h1>', 'destroyed']);
    await expect(printReportPdf(fake(true), '<p>x</p>')).rejects.toThrow('printer on fire');
    expect(calls.at(-1)).toBe('destroyed');
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ landscape: true, pageSize: 'Letter', printBackground: true });
  });
});
