import { strToU8, zipSync } from 'fflate';

/**
 * Hand-made .ods packages for reader tests: `body` is what goes inside <office:spreadsheet>
 * (tables, rows, cells), written exactly as the test needs it.
 */
export const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

export function contentXml(body: string, styles = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS} office:version="1.2"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
}

export function makeOds(body: string, opts: { styles?: string; manifest?: string; mimetype?: string | null } = {}): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  if (opts.mimetype !== null) files.mimetype = [strToU8(opts.mimetype ?? 'application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }];
  files['content.xml'] = [strToU8(contentXml(body, opts.styles)), { level: 6 }];
  files['META-INF/manifest.xml'] = [
    strToU8(
      opts.manifest ??
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    { level: 6 },
  ];
  return zipSync(files);
}

/** A text cell. */
export const t = (s: string, extra = ''): string => `<table:table-cell office:value-type="string"${extra}><text:p>${s}</text:p></table:table-cell>`;
/** A number cell. */
export const f = (n: number, extra = ''): string => `<table:table-cell office:value-type="float" office:value="${n}"${extra}><text:p>${n}</text:p></table:table-cell>`;
export const row = (cells: string, extra = ''): string => `<table:table-row${extra}>${cells}</table:table-row>`;
export const table = (name: string | null, rows: string, extra = ''): string => `<table:table${name === null ? '' : ` table:name="${name}"`}${extra}>${rows}</table:table>`;
