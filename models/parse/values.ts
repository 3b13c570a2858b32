import { fail, ok, type Parsed } from '../result';

type Raw = string | number | boolean | null | undefined;

const isBlank = (raw: Raw): raw is null | undefined | '' =>
  raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

function plainNumber(text: string): number | null {
  const t = text.replace(/[,\s\u00a0]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A plain number ("1,234.5", 12, " 3 "). Blank → null. */
export function parseNumber(raw: Raw): Parsed<number | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail(`not a number: ${raw}`);
  if (typeof raw === 'boolean') return fail('expected a number, found TRUE/FALSE');
  const n = plainNumber(raw);
  return n === null ? fail(`not a number: "${raw.trim().slice(0, 40)}"`) : ok(n);
}

/** A whole number (student counts, steps). Blank → null. Float noise within 1e-9 is forgiven. */
export function parseInteger(raw: Raw): Parsed<number | null> {
  const r = parseNumber(raw);
  if (!r.ok || r.value === null) return r;
  const rounded = Math.round(r.value);
  return Math.abs(r.value - rounded) < 1e-9 ? ok(rounded) : fail(`not a whole number: ${r.value}`);
}

/**
 * A rate as a decimal: "3%" → 0.03, "0.03" → 0.03, 0.03 → 0.03. A bare number above 1 is read as
 * percent points ("3" → 0.03) only when `percentIfAbove1` is set (columns that can never exceed
 * 100%, such as a funding share or a reserve policy).
 */
export function parseRate(raw: Raw, opts: { percentIfAbove1?: boolean } = {}): Parsed<number | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return ok(opts.percentIfAbove1 && Math.abs(raw) > 1 ? raw / 100 : raw);
  if (typeof raw === 'boolean') return fail('expected a rate, found TRUE/FALSE');
  const text = raw.trim();
  const pct = /^([-+]?[\d.,]+)\s*%$/.exec(text);
  if (pct) {
    const n = plainNumber(pct[1]!);
    return n === null ? fail(`not a percent: "${text}"`) : ok(Number((n / 100).toPrecision(15)));
  }
  const n = plainNumber(text);
  if (n === null) return fail(`not a rate or percent: "${text.slice(0, 40)}"`);
  return ok(opts.percentIfAbove1 && Math.abs(n) > 1 ? Number((n / 100).toPrecision(15)) : n);
}

/** Full-time equivalents: a non-negative decimal ("1.0", "0.5", ".25"). Blank → null. */
export function parseFte(raw: Raw): Parsed<number | null> {
  const r = parseNumber(raw);
  if (!r.ok || r.value === null) return r;
  if (r.value < 0) return fail(`FTE cannot be negative: ${r.value}`);
  if (r.value > 10) return fail(`FTE above 10 is not a position's FTE: ${r.value}`);
  return ok(Number(r.value.toPrecision(12)));
}

/**
 * A fiscal year, named by the calendar year it ends in: 2026, "2026", "FY26", "FY 2026",
 * "2025-26", "2025–2026", "FY 2025-26". A span must be consecutive years.
 */
export function parseFiscalYear(raw: Raw): Parsed<number | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 1900 && raw <= 2200 ? ok(raw) : fail(`not a fiscal year: ${raw}`);
  }
  if (typeof raw === 'boolean') return fail('expected a fiscal year, found TRUE/FALSE');
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  const span = /^(?:FY\s?)?(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(text);
  if (span) {
    const start = Number(span[1]);
    const endText = span[2]!;
    const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) + (Number(endText) < start % 100 ? 100 : 0) : Number(endText);
    return end === start + 1 ? ok(end) : fail(`fiscal year span must be consecutive years: "${raw.trim()}"`);
  }
  const single = /^(?:FY\s?'?)?(\d{4}|\d{2})$/.exec(text);
  if (single) {
    const y = single[1]!.length === 2 ? 2000 + Number(single[1]) : Number(single[1]);
    if (single[1]!.length === 2 && !text.startsWith('FY')) return fail(`two-digit year needs "FY": "${raw.trim()}"`);
    return y >= 1900 && y <= 2200 ? ok(y) : fail(`not a fiscal year: "${raw.trim()}"`);
  }
  return fail(`not a fiscal year: "${raw.trim().slice(0, 40)}"`);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`no such date: ${y}-${m}-${d}`);
  }
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Excel serial day → ISO date. The 1900 system counts the phantom 29 Feb 1900; the 1904 system starts 1904-01-01. */
export function excelSerialToIso(serial: number, date1904 = false): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return fail(`not a date serial: ${serial}`);
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const offset = !date1904 && day < 60 ? day + 1 : day;
  const d = new Date(epoch + offset * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date as ISO "YYYY-MM-DD": Excel serials (numbers or digit strings), "2026-03-15",
 * "3/15/2026" (US order), "15-Mar-2026", "Mar 15, 2026", "March 15 2026". Blank → null.
 */
export function parseDate(raw: Raw, opts: { date1904?: boolean } = {}): Parsed<string | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return excelSerialToIso(raw, opts.date1904);
  if (typeof raw === 'boolean') return fail('expected a date, found TRUE/FALSE');
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDate(y, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (month) return isoDate(Number(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    if (month) return isoDate(Number(m[3]), month, Number(m[2]));
  }
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text), opts.date1904);
  return fail(`not a date: "${text.slice(0, 40)}"`);
}

/** yes/no, y/n, true/false, 1/0, x (a checkmark). Blank → null. */
export function parseBoolean(raw: Raw): Parsed<boolean | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'number') return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail(`not yes/no: ${raw}`);
  const t = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x', 'restricted'].includes(t)) return ok(true);
  if (['no', 'n', 'false', '0', 'unrestricted'].includes(t)) return ok(false);
  return fail(`not yes/no: "${raw.trim().slice(0, 40)}"`);
}

/** Text cell: trimmed, inner runs of whitespace collapsed; numbers keep their shortest form. Blank → null. */
export function parseText(raw: Raw): Parsed<string | null> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return ok(Number.isInteger(raw) ? String(raw) : String(Number(raw.toPrecision(15))));
  if (typeof raw === 'boolean') return ok(raw ? 'TRUE' : 'FALSE');
  return ok(raw.replace(/\s+/g, ' ').trim());
}
