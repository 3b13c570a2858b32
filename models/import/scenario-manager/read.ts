import { fail, ok, type Parsed } from '../../result';
import { attr, startTags, xmlText } from '../read/xlsx/xml';
import { isZip, listEntries, readEntry, ZipProblem, type InflateRaw, type ZipEntry } from '../read/zip';

// Excel's Scenario Manager keeps its what-ifs in the sheet XML:
//   <scenarios current="0" show="0"><scenario name="High" locked="1" count="2" user="…" comment="…">
//     <inputCells r="B3" val="0.02"/><inputCells r="B4" val="650"/></scenario>…</scenarios>
// This reads them with the importer's own zip and XML scanners (no parsing library); every name
// from the file is kept in arrays and Maps, never as an object key.

export interface ExcelScenarioCell {
  /** The changing cell, as Excel writes it ("B3"; "$" dropped, upper case). */
  ref: string;
  /** The value the scenario puts there, as written in the file. */
  text: string;
  /** The value as a number, or null when it is text (a label, a formula's text). */
  value: number | null;
}

export interface ExcelScenario {
  sheet: string;
  name: string;
  comment: string;
  cells: ExcelScenarioCell[];
}

/** At most this much of one sheet's XML is unpacked to look for scenarios (a budget sheet is far smaller). */
const MAX_SHEET_BYTES = 64 * 2 ** 20;
const MAX_TOTAL_BYTES = 256 * 2 ** 20;
const SCENARIO_TAGS = new Set(['scenario', 'inputCells']);

/** Every Scenario Manager scenario of an .xlsx, sheet by sheet in workbook order. */
export function readExcelScenarios(bytes: Uint8Array, file: string, opts: { inflateRaw?: InflateRaw } = {}): Parsed<ExcelScenario[]> {
  if (!isZip(bytes)) return fail(`${file}: not an .xlsx workbook (Scenario Manager scenarios live in Excel's .xlsx files)`);
  try {
    const entries = listEntries(bytes);
    const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.toLowerCase(), e]));
    const budget = { remaining: MAX_TOTAL_BYTES, ...(opts.inflateRaw ? { inflateRaw: opts.inflateRaw } : {}) };
    const text = (name: string): string | null => {
      const e = byName.get(name.toLowerCase());
      if (!e) return null;
      if (e.size > MAX_SHEET_BYTES) throw new ZipProblem(`${e.name} is over ${MAX_SHEET_BYTES / 2 ** 20} MB`, 'zip-bomb', e.name);
      return new TextDecoder('utf-8').decode(readEntry(bytes, e, budget));
    };
    const sheets = sheetParts(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
    if (sheets.length === 0) return fail(`${file}: no worksheets found (is it an Excel workbook?)`);
    const out: ExcelScenario[] = [];
    for (const { name, part } of sheets) {
      const xml = text(part);
      if (xml === null) continue;
      const start = xml.search(/<([A-Za-z_][\w.-]*:)?scenarios[\s>/]/);
      if (start < 0) continue;
      const endMatch = /<\/([A-Za-z_][\w.-]*:)?scenarios>/.exec(xml.slice(start));
      const block = endMatch ? xml.slice(start, start + endMatch.index) : xml.slice(start);
      let current: ExcelScenario | null = null;
      for (const tag of startTags(block, SCENARIO_TAGS)) {
        if (tag.name === 'scenario') {
          current = { sheet: name, name: (attr(tag.text, 'name') ?? '').trim(), comment: xmlText(attr(tag.text, 'comment') ?? ''), cells: [] };
          out.push(current);
        } else if (current) {
          const ref = (attr(tag.text, 'r') ?? '').replace(/\$/g, '').toUpperCase();
          const raw = xmlText(attr(tag.text, 'val') ?? '');
          const num = raw.trim() === '' ? NaN : Number(raw);
          current.cells.push({ ref, text: raw, value: Number.isFinite(num) ? num : null });
        }
      }
    }
    return ok(out);
  } catch (e) {
    if (e instanceof ZipProblem) return fail(`${file}: cannot be read: ${e.message}`);
    throw e;
  }
}

/** The worksheets in workbook order: their names and their parts (xl/worksheets/sheetN.xml). */
function sheetParts(workbook: string | null, rels: string | null): { name: string; part: string }[] {
  if (workbook === null) return [];
  const targets = new Map<string, string>();
  if (rels !== null) {
    for (const r of startTags(rels, new Set(['Relationship']))) {
      const id = attr(r.text, 'Id');
      const target = attr(r.text, 'Target');
      if (id !== null && target !== null) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
    }
  }
  const out: { name: string; part: string }[] = [];
  let index = 1;
  for (const s of startTags(workbook, new Set(['sheet']))) {
    const rid = attr(s.text, 'r:id') ?? (/\s([A-Za-z_][\w.-]*):id\s*=\s*"([^"]*)"/.exec(s.text)?.[2] ?? null);
    const part = (rid !== null ? targets.get(rid) : undefined) ?? `xl/worksheets/sheet${index}.xml`;
    out.push({ name: xmlText(attr(s.text, 'name') ?? `Sheet${index}`), part });
    index++;
  }
  return out;
}
