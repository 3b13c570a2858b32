import { reportWorkbookBytes } from '../models/export/report-xlsx';
import type { ReportBook } from '../models/report/types';
import { saveFile } from './save-file';

export { NUMBER_FORMATS, reportWorkbookBytes } from '../models/export/report-xlsx';

/**
 * Writes the board report workbook through the shared save routine (host/save-file.ts): never a
 * half-written file, the previous one kept as NAME.bak.
 */
export async function writeReportWorkbook(path: string, book: ReportBook, created: Date): Promise<void> {
  await saveFile(path, await reportWorkbookBytes(book, created));
}
