import { strToU8, zipSync } from 'fflate';

/**
 * Hand-made .xlsx packages for reader tests: each test writes exactly the XML quirk it is
 * about, so a failure points at one feature, not at a writer library's choices.
 */
export interface SheetSpec {
  name: string;
  /** The <sheetData> body (rows and cells) as XML. */
  data: string;
  state?: 'hidden' | 'veryHidden';
  /** Extra XML after </sheetData> (e.g. <mergeCells>). */
  after?: string;
  /** Namespace prefix for the worksheet part, e.g. 'x:'. */
  prefix?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  date1904?: boolean;
  /** <numFmts> and <cellXfs> numFmtIds; cell s="i" picks cellXfs[i]. */
  numFmts?: { id: number; code: string }[];
  cellXfs?: number[];
  /** Folder of the workbook part (default 'xl'). */
  dir?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function makeXlsx(spec: BookSpec): Uint8Array {
  const dir = spec.dir ?? 'xl';
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${dir}/workbook.xml"/></Relationships>`,
  );
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  files[`${dir}/workbook.xml`] = strToU8(
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`,
  );
  const n = spec.sheets.length;
  const rels = spec.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
  files[`${dir}/_rels/workbook.xml.rels`] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  const sst = spec.sharedStrings ?? [];
  files[`${dir}/sharedStrings.xml`] = strToU8(
    `<?xml version="1.0"?><sst xmlns="${NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  );
  const fmts = spec.numFmts ?? [];
  const xfs = spec.cellXfs ?? [0];
  files[`${dir}/styles.xml`] = strToU8(
    `<?xml version="1.0"?><styleSheet xmlns="${NS}">${fmts.length ? `<numFmts count="${fmts.length}">${fmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${esc(f.code)}"/>`).join('')}</numFmts>` : ''}<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('')}</cellXfs></styleSheet>`,
  );
  spec.sheets.forEach((s, i) => {
    const p = s.prefix ?? '';
    const xmlns = p ? `xmlns:${p.slice(0, -1)}="${NS}"` : `xmlns="${NS}"`;
    files[`${dir}/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><${p}worksheet ${xmlns}><${p}sheetData>${s.data}</${p}sheetData>${s.after ?? ''}</${p}worksheet>`,
    );
  });
  return zipSync(files);
}
