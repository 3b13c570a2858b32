/**
 * Just enough XML for OOXML parts: entity decoding, attribute lookup and tag iteration by
 * local name. No DOM (models/ has none, and a DOM of a 40 MB sheet would cost 10× its size).
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function fromCodePoint(cp: number): string {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

/** `&amp;`, `&#169;`, `&#x1F363;` → text. Unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (m, body: string) => {
    if (body[0] === '#') return fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    return NAMED[body] ?? m;
  });
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content of an element: entities then OOXML escapes. */
export const xmlText = (s: string): string => decodeOoxmlEscapes(decodeEntities(s));

/** The value of attribute `name` (exact, e.g. 'r:id' or 'name') in a start tag's text, decoded. */
export function attr(tag: string, name: string): string | null {
  let from = 0;
  while (true) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // Must be a whole attribute name: preceded by whitespace, followed by optional spaces and '='.
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (tag.charCodeAt(j) === 32) j++;
    if (tag[j] !== '=') continue;
    j++;
    while (tag.charCodeAt(j) === 32) j++;
    const q = tag[j];
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, j + 1);
    if (end < 0) return null;
    return decodeEntities(tag.slice(j + 1, end));
  }
}

/** Attribute whose local name is `local`, whatever its namespace prefix (r:id, ns0:id…). */
export function attrLocal(tag: string, local: string): string | null {
  const direct = attr(tag, local);
  if (direct !== null) return direct;
  const m = new RegExp(`[\\s]([A-Za-z_][\\w.-]*):${local}\\s*=`).exec(tag);
  return m ? attr(tag, `${m[1]}:${local}`) : null;
}

export interface Tag {
  /** Local name, without any namespace prefix. */
  name: string;
  /** The whole start tag, from '<' to '>'. */
  text: string;
  /** Index just after the start tag. */
  end: number;
  selfClosing: boolean;
}

/** Every start tag with local name in `names`, in order. For the small parts (workbook, rels, styles). */
export function* startTags(xml: string, names: ReadonlySet<string>): Generator<Tag> {
  let i = 0;
  while (true) {
    i = xml.indexOf('<', i);
    if (i < 0) return;
    const c = xml.charCodeAt(i + 1);
    // Skip end tags, comments, processing instructions, CDATA.
    if (c === 47 || c === 33 || c === 63) {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < xml.length) {
      const d = xml.charCodeAt(j);
      if (d === 32 || d === 62 || d === 47 || d === 9 || d === 10 || d === 13) break;
      j++;
    }
    const qname = xml.slice(i + 1, j);
    const colon = qname.indexOf(':');
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    const close = tagEnd(xml, j);
    if (close < 0) return;
    if (names.has(name)) {
      yield { name, text: xml.slice(i, close + 1), end: close + 1, selfClosing: xml.charCodeAt(close - 1) === 47 };
    }
    i = close + 1;
  }
}

/** Index of the '>' closing a start tag, skipping quoted attribute values. */
export function tagEnd(xml: string, from: number): number {
  let i = from;
  while (i < xml.length) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** The namespace prefix used by the document element ('' or 'x:'), so the fast scanners can search '<x:c'. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml.slice(0, 4096));
  return m?.[1] ?? '';
}

/**
 * The text as a string of its own. V8 keeps a substring of 13 or more characters as a view into
 * its parent, so one description cell kept in an imported row pins the whole sheet XML: a
 * 1,000,000-line sheet's imported rows held its 318 MB of XML (issue 16 item 9). A JSON round
 * trip gives a flat copy (exact for every string, lone surrogates included) of the text's own
 * size; `(' ' + s).slice(1)` made a copy and a view on it, 32 bytes more per cell — 32 MB on a
 * million descriptions.
 */
export function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
