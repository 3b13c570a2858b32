import type { ImportOptions, ReadResult, TableImport } from './types';
import { readBytesOrCsv, readBytesOrStream, readCsvText, withReadErrors, type ReadOptions } from './read/index';
import { encodingNote } from './read/csv';
import { importCsvDirect } from './csv-direct';
import { importTable, type ImportProgress } from './table';
import { importXlsxStream } from './xlsx-direct';

/** One file's bytes imported as one table, with what the reader noticed. */
export interface BytesImport {
  format: ReadResult['format'];
  /** Encoding, delimiter and the like (the reader's notes). */
  notes: string[];
  /** Every sheet the file has (a CSV: one, named after the file). */
  sheets: string[];
  imported: TableImport<Record<string, unknown>>;
}

/**
 * An .xlsx sheet part this big (about 140,000 budget lines; a 100,000-line sheet reads faster whole) is imported as it is inflated
 * (xlsx-direct.ts) rather than read into a grid first: memory stays bounded on a million lines.
 */
export const STREAM_SHEETS_FROM = 48 * 2 ** 20;

/**
 * Bytes → typed rows and report in one call: readBytes + importTable, except that a large,
 * well-formed CSV is imported straight from its text (csv-direct.ts), which gives the same result
 * in about half the time, and a big .xlsx sheet as it is inflated (xlsx-direct.ts), in bounded
 * memory. Runs where readBytes runs: in the parse worker for untrusted files. `progress` is told
 * how far a long import has got (rows, or bytes of a streamed sheet).
 */
export function importBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}, read: ReadOptions = {}, progress?: ImportProgress): BytesImport {
  const first = readBytesOrStream(bytes, fileName, { streamSheetsFrom: STREAM_SHEETS_FROM, ...read });
  let r: Exclude<typeof first, { stream: 'xlsx' }>;
  if ('stream' in first) {
    const streamed = withReadErrors(first.file, () => importXlsxStream(first, opts, progress));
    if (streamed !== null) return { format: 'xlsx', notes: streamed.notes, sheets: [streamed.sheet], imported: streamed.imported };
    // Not one the stream can promise to read as the grid path does: read it the usual way.
    r = readBytesOrCsv(bytes, fileName, read);
  } else r = first;
  if (!('grids' in r)) {
    const direct = importCsvDirect(r.text, r.file, opts, r.forceDelimiter);
    if (direct !== null) {
      // The same notes, in the same order, as readCsvText gives.
      const notes = [r.extNote ?? '', encodingNote(r.encoding), ...direct.notes].filter((n) => n !== '');
      return { format: 'csv', notes, sheets: [direct.sheet], imported: direct.imported };
    }
  }
  const result = 'grids' in r ? r : readCsvText(r);
  return { format: result.format, notes: result.notes, sheets: result.grids.map((g) => g.sheet), imported: importTable(result.grids, opts, progress) };
}
