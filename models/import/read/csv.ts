import Papa from 'papaparse';
import type { Cell, ReadResult } from '../types';
import { parseCsvFast } from './csv-fast';
import { decodeText, type TextEncoding } from './decode';

/**
 * CSV/TSV text → one Grid. csv-fast.ts tokenizes well-formed files (papaparse's exact rows, in
 * one pass); papaparse parses and reports the rest (quoting problems). We do what they leave to
 * the caller: encoding, line-ending mixes
 * and saying what was guessed.
 */

const DELIMITERS = [',', ';', '\t', '|'];

const ENCODING_NOTE: Record<TextEncoding, string> = {
  'utf-8': '',
  'utf-8-bom': 'decoded as UTF-8 (byte order mark)',
  'utf-16le': 'decoded as UTF-16 little-endian',
  'utf-16be': 'decoded as UTF-16 big-endian',
  'windows-1252': 'decoded as Windows-1252 (the file is not valid UTF-8)',
};

const DELIMITER_NAME: Record<string, string> = { ',': "','", ';': "';'", '\t': 'tab', '|': "'|'" };

export function sheetNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * papaparse's own guess counts blank lines as one-field rows, so a short file ending in a
 * newline (or with a blank line under a title) fails the guess and falls back to ','. Guess
 * on the first 64 KB with blank lines skipped, then parse everything with that delimiter.
 */
export function guessDelimiter(text: string): string {
  const sample = text.length > 65536 ? text.slice(0, text.lastIndexOf('\n', 65536) + 1 || 65536) : text;
  const r = Papa.parse(sample, { delimiter: '', delimitersToGuess: DELIMITERS, newline: '\n', skipEmptyLines: true, preview: 10 });
  return r.meta.delimiter || ',';
}

/** Where a CSV's data starts and its delimiter: the "sep=" line, else the guess from the first 140 KB. */
export interface CsvLayout {
  start: number;
  delimiter: string;
  /** What was read from the file or guessed, for the import report. */
  notes: string[];
}

export function csvLayout(text: string, forceDelimiter?: string): CsvLayout {
  const notes: string[] = [];
  // Excel's "sep=;" first line names the delimiter and is not data.
  const sep = /^sep=(.)(?:\r\n?|\n)/i.exec(text.slice(0, 8));
  const start = sep ? sep[0].length : 0;
  if (sep) notes.push(`delimiter given by the file's "sep=" line`);
  const head = text.slice(start, start + 140000);
  const delimiter = forceDelimiter ?? sep?.[1] ?? guessDelimiter(toLf(head));
  if (delimiter !== ',') notes.push(`delimiter ${DELIMITER_NAME[delimiter] ?? JSON.stringify(delimiter)}`);
  return { start, delimiter, notes };
}

// One line-ending convention for papaparse: it guesses a single one, so a CRLF file with
// some bare-LF lines (or a classic-Mac CR-only file) would otherwise run lines together.
// Inside quoted cells this turns CRLF into LF, which is what a cell's line break means anyway.
const toLf = (s: string): string => (s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s);

/** Parses already-decoded text. `forceDelimiter` for .tsv files. */
export function parseCsvText(text: string, fileName: string, forceDelimiter?: string): ReadResult {
  const { start, delimiter, notes } = csvLayout(text, forceDelimiter);
  const body = start > 0 ? text.slice(start) : text;
  // The common case, a well-formed file, in one pass (csv-fast.ts gives papaparse's exact rows);
  // papaparse itself for anything with a quoting problem, so it decides and reports.
  let rows = parseCsvFast(text, delimiter, start) as Cell[][] | null;
  let quoteErrors: { row?: number; message: string }[] = [];
  if (rows === null) {
    const result = Papa.parse(toLf(body), { delimiter, newline: '\n', skipEmptyLines: false });
    rows = result.data as Cell[][];
    quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  }
  // Trailing newline → one empty row at the end; blank lines mid-file become empty rows.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.length === 1 && r[0] === '') rows[i] = [];
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (quoteErrors.length > 0) {
    const first = quoteErrors[0]!;
    notes.push(`${quoteErrors.length} quoting problem(s), first near data row ${(first.row ?? 0) + 1}: ${first.message}`);
  }
  return { format: 'csv', grids: [{ file: fileName, sheet: sheetNameOf(fileName), rows }], notes };
}

/** Bytes of a CSV/TSV export → ReadResult, noting the encoding and delimiter guessed. */
export function readCsv(bytes: Uint8Array, fileName: string, forceDelimiter?: string): ReadResult {
  const { text, encoding } = decodeText(bytes);
  const result = parseCsvText(text, fileName, forceDelimiter);
  const note = encodingNote(encoding);
  if (note) result.notes.unshift(note);
  return result;
}

/** The note to record for an encoding, or '' for plain UTF-8. */
export const encodingNote = (encoding: TextEncoding): string => ENCODING_NOTE[encoding];
