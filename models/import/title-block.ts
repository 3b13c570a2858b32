import { parseFiscalYear } from '../parse/values';
import type { Grid } from './types';
import { cellText } from './header';
import { isFooterText } from './exclude';

/**
 * Values a report carries once, in the lines above its header: "Fund: 110 General Operating",
 * "FY 2025-26 Adopted Budget", "School: 0101 Lincoln Elementary", "Cost Center 2040". Keys are
 * field names (fund_code, fiscal_year, site_id); `title` is the first title line (a report or
 * schedule name). Print dates and page numbers are skipped.
 */
export function readTitleBlock(grid: Grid, headerFirstRow: number): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let r = 0; r < headerFirstRow; r++) {
    const texts = (grid.rows[r] ?? []).map(cellText).filter((t) => t !== '');
    if (texts.length === 0) continue;
    const line = texts.join(' ');
    if (isFooterText(line)) continue;
    if (out.title === undefined) out.title = line.slice(0, 120);
    const fund = /\b(?:fund|fd|grant)\s*(?:code|no\.?|number|#)?\s*[:#=]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)/i.exec(line)
      ?? /^\s*fund\s+([0-9][A-Za-z0-9_.-]*)\b/i.exec(line);
    if (fund && out.fund_code === undefined) out.fund_code = fund[1]!;
    const site = /\b(?:school|site|location|bldg|building|campus|cost\s*center|org)\s*(?:code|id|no\.?|number|#)?\s*[:#=]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)/i.exec(line);
    if (site && out.site_id === undefined) out.site_id = site[1]!;
    if (out.fiscal_year === undefined) {
      const fy = fiscalYearIn(line);
      if (fy !== null) out.fiscal_year = String(fy);
    }
  }
  return out;
}

/** The first fiscal year named in a line: "FY 2025-26", "FY26", "2025-2026", "School Year 2025-26", "Fiscal Year 2026". */
export function fiscalYearIn(line: string): number | null {
  const patterns = [
    /\bFY\s*'?(\d{4}\s*[-–/]\s*\d{2,4})\b/i,
    /\bFY\s*'?(\d{4}|\d{2})\b/i,
    /\b(20\d{2}\s*[-–]\s*(?:20)?\d{2})\b/,
    /\b(?:fiscal|school|budget)\s+year\s*:?\s*(\d{4})\b/i,
  ];
  for (const p of patterns) {
    const m = p.exec(line);
    if (!m) continue;
    const text = p === patterns[1] ? `FY${m[1]}` : m[1]!;
    const r = parseFiscalYear(text);
    if (r.ok && r.value !== null) return r.value;
  }
  return null;
}
