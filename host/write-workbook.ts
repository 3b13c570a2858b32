import XLSX from 'xlsx';
import type { Cell } from '../models/import/types';
import { saveFile } from './save-file';

export interface SheetData {
  name: string;
  rows: Cell[][];
}

/** A fixed creation date, so the same sheets always give the same bytes (fixtures are committed). */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** Sheets → .xlsx bytes (SheetJS). Deterministic: no clock in the file. */
export function workbookBytes(sheets: readonly SheetData[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  wb.Props = { Title: '', Author: 'Steward', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
  for (const s of sheets) {
    if (s.name.length > 31) throw new RangeError(`sheet name longer than 31 characters: ${s.name}`);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  }
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Writes an .xlsx file through the shared save routine (host/save-file.ts): a temporary file,
 * fsync, the previous version kept as `<name>.bak`, renamed over the target — a crash, a kill or a
 * full disk never leaves a half-written workbook behind.
 */
export async function writeWorkbook(path: string, sheets: readonly SheetData[]): Promise<void> {
  await saveFile(path, workbookBytes(sheets));
}

/** Every other file the CLI writes (templates, --out files): the same routine. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await saveFile(path, data);
}
