import type { ReportData } from '../models/report/gather';
import type { ReportBook } from '../models/report/types';

/** The PDF board report (step 3): not written yet. */
export async function writeReportPdf(_path: string, _data: ReportData, _book: ReportBook, _meta: { date: string }): Promise<{ pages: number }> {
  throw new Error('PDF reports are not implemented yet');
}
