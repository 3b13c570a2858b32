import { fail, ok, type Parsed } from '../result';
import { parseRate } from '../parse/values';

export interface Split {
  fund_code: string;
  share: number;
}

/**
 * A position's funding split as HR systems write it: "GEN:0.6; T1:0.4", "GEN 60%/T1 40%",
 * "GEN=60, T1=40", or a single fund code ("T1A") meaning all of it. Shares above 1 are percent
 * points. Whether the shares add to 100% is a project check (validateProject), not a cell error.
 */
export function parseFunding(text: string): Parsed<Split[]> {
  const parts = text.split(/\s*[;,/|]\s*|\s+\+\s+/).filter((p) => p.trim() !== '');
  if (parts.length === 0) return ok([]);
  const splits: Split[] = [];
  for (const part of parts) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9_.-]*?)\s*(?:[:=]\s*|\s+)([-+]?[\d.]+\s*%?)\s*$/.exec(part);
    if (!m) {
      const code = part.trim();
      if (parts.length === 1 && /^[A-Za-z0-9][A-Za-z0-9_.\- ]*$/.test(code)) return ok([{ fund_code: code, share: 1 }]);
      return fail(`not a funding split (write "GEN:0.6; T1:0.4"): "${text.slice(0, 60)}"`);
    }
    const share = parseRate(m[2]!, { percentIfAbove1: true });
    if (!share.ok || share.value === null) return fail(`bad share "${m[2]}" in funding "${text.slice(0, 60)}"`);
    if (share.value < 0 || share.value > 1) return fail(`share ${m[2]} is outside 0–100% in funding "${text.slice(0, 60)}"`);
    splits.push({ fund_code: m[1]!, share: share.value });
  }
  return ok(splits);
}
