import { describe, expect, it } from 'vitest';
import type { StewardApi } from '../../electron/ipc-contract';
import { electronHost } from '../../renderer/platform/electron-host';
import { allowPrintRequest, printReportPdf, PRINT_PARTITION, PRINT_TO_PDF_OPTIONS, PRINT_WINDOW_OPTIONS, type PrintWindow } from '../../electron/print-report';

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

  it('prints in a hidden window with no JavaScript, no Node and its own session, which loads the page and nothing else', () => {
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: PRINT_PARTITION });
    expect(allowPrintRequest('data:text/html;charset=utf-8;base64,PGgxPg==')).toBe(true);
    expect(allowPrintRequest('data:image/png;base64,iVBOR')).toBe(true);
    for (const url of ['https://evil.example/x.png', 'http://127.0.0.1/', 'file:///etc/passwd', 'app://steward/index.html', 'blob:null/1']) expect(allowPrintRequest(url)).toBe(false);
  });

  it('the desktop host asks the main process for the PDF and gives the bytes, with the main process\'s reason on failure', async () => {
    const sent: unknown[] = [];
    let fail = false;
    const api = { printReportPdf: async (request: unknown) => { sent.push(request); if (fail) throw new Error("Error invoking remote method 'report:pdf': Error: the PDF could not be printed: out of paper"); return { bytes: new Uint8Array([37, 80]) }; } } as unknown as StewardApi;
    const host = electronHost(api);
    expect(await host.printPdf!('<h1>Summary</h1>')).toEqual(new Uint8Array([37, 80]));
    expect(sent).toEqual([{ html: '<h1>Summary</h1>' }]);
    fail = true;
    await expect(host.printPdf!('<p>x</p>')).rejects.toThrow(/^the PDF could not be printed: out of paper$/);
  });
});
