import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import XLSX from 'xlsx';
import type { Cell } from '../models/import/types';

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
 * Writes an .xlsx file atomically: to a temporary file in the same folder, then renamed over the
 * target, so a crash or a full disk never leaves a half-written workbook behind.
 */
export async function writeWorkbook(path: string, sheets: readonly SheetData[]): Promise<void> {
  await writeFileAtomic(path, workbookBytes(sheets));
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
