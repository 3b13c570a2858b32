import { ownCopy, rootPrefix, xmlText } from './xml';

/**
 * Concatenated text of every <t> in an <si> or <is> body, skipping phonetic guides (<rPh>),
 * which Excel shows above Japanese text but are not part of the value.
 */
export function richText(body: string, p: string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  const rPh = `<${p}rPh`;
  const rPhClose = `</${p}rPh>`;
  let out = '';
  let i = 0;
  // The next phonetic guide, searched again only once passed: searching from every '<t' made a
  // body of 200,000 '<tr>' tags quadratic (fuzz input 16/17817: 117 s of CPU).
  let ph = -2;
  while (true) {
    const t = body.indexOf(tOpen, i);
    if (t < 0) break;
    if (ph !== -1 && ph < i) ph = body.indexOf(rPh, i);
    if (ph >= 0 && ph < t) {
      const phEnd = body.indexOf(rPhClose, ph);
      i = phEnd < 0 ? body.length : phEnd + rPhClose.length;
      continue;
    }
    const after = body.charCodeAt(t + tOpen.length);
    // '<tx…' or '<tab…' is another element; only '<t>' / '<t ' / '<t/>' is text.
    if (after !== 62 && after !== 32 && after !== 47) {
      i = t + tOpen.length;
      continue;
    }
    const gt = body.indexOf('>', t);
    if (gt < 0) break;
    if (body.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue;
    }
    const end = body.indexOf(tClose, gt);
    if (end < 0) break;
    out += body.slice(gt + 1, end);
    i = end + tClose.length;
  }
  return xmlText(out);
}

/** The shared string table, in order (cells with t="s" hold an index into it). */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const out: string[] = [];
  let i = 0;
  while (true) {
    const s = xml.indexOf(open, i);
    if (s < 0) break;
    const gt = xml.indexOf('>', s);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = gt + 1;
      continue;
    }
    const e = xml.indexOf(close, gt);
    if (e < 0) break;
    // Its own string when long: a slice would keep the whole shared-string part alive with it.
    const text = richText(xml.slice(gt + 1, e), p);
    out.push(text.length >= 13 ? ownCopy(text) : text);
    i = e + close.length;
  }
  return out;
}
