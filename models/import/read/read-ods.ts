import { ReadError, type ReadResult } from '../types';
import { MAX_CELLS } from './limits';
import { OdsDamaged, OdsTooLarge, readOdsXml } from './ods';
import { pickSheets } from './xlsx/read-xlsx';

/**
 * An OpenDocument spreadsheet's XML (content.xml of an .ods, or a whole .fods) → ReadResult, with
 * the sheets asked for and every refusal as a ReadError a user can act on.
 */
export function readOds(xml: string, file: string, opts: { sheets?: 'all' | string[] }): ReadResult {
  let read;
  try {
    read = readOdsXml(xml, file, { maxCells: MAX_CELLS });
  } catch (e) {
    if (e instanceof OdsTooLarge) {
      const what =
        e.why === 'repeats'
          ? `sheet "${e.sheet}" repeats row ${e.row.toLocaleString('en-US')} (or its cells) so many times that it would become millions of cells`
          : `sheet "${e.sheet}" is too large (more than ${MAX_CELLS.toLocaleString('en-US')} cells)`;
      throw new ReadError(`${file}: ${what}; open it in LibreOffice Calc, delete the rows and columns past the data, save it and import it again`, file, 'too-large', e.message);
    }
    if (e instanceof OdsDamaged) throw new ReadError(`${file} is not a spreadsheet Steward can read: ${e.message}; open it in LibreOffice Calc and save it again as .ods or .xlsx`, file, 'corrupt', e.message);
    throw e;
  }
  const notes = read.notes;
  const grids = opts.sheets && opts.sheets !== 'all' ? pickSheets(read.grids.map((g) => ({ ...g, name: g.sheet })), opts.sheets, notes).map(({ name: _n, ...g }) => g) : read.grids;
  if (read.grids.length === 0) notes.push('the document has no sheets');
  return { format: 'ods', grids, notes };
}
