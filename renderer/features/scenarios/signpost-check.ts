// A signpost as typed in the editor (SignpostsEditor.tsx), checked before it is saved.

/** A number as typed ("0.08", "8%", "1,200"), or NaN. Blank is undefined. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const pct = t.endsWith('%');
  const n = Number(pct ? t.slice(0, -1) : t);
  return Number.isFinite(n) ? (pct ? n / 100 : n) : NaN;
}

/** Why a signpost cannot be saved, as `steward validate` would say it, or null. */
export function signpostProblem(s: { signpost: string; indicator: string; threshold: string; observed: string }, known: ReadonlySet<string>): string | null {
  if (s.signpost.trim() === '') return 'Name what is watched, e.g. October count.';
  const indicator = s.indicator.trim();
  if (indicator !== '' && !known.has(indicator)) return `"${indicator}" is no indicator (pick one from the list, or a driver).`;
  const threshold = readNumber(s.threshold);
  if (threshold === undefined) return 'Give the threshold, e.g. 0.02 or 2%.';
  if (Number.isNaN(threshold)) return `The threshold "${s.threshold}" is not a number.`;
  if (Number.isNaN(readNumber(s.observed))) return `The observed value "${s.observed}" is not a number (blank: not yet known).`;
  return null;
}
