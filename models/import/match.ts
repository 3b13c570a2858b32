import { normaliseHeader } from '../schema/fields';
import type { FieldInfo } from './table-fields';
import { tokens } from './table-fields';

/** How well a header names a field: 1 exact, 0.9 synonym, 0.6–0.8 partial, 0 not at all. */
export function headerScore(header: string, f: FieldInfo): { score: number; via: 'exact' | 'synonym' } {
  return headerScoreOf(prepareHeader(header), f);
}

/** A header normalised once, for scoring against many fields. */
export interface PreparedHeader {
  norm: string;
  words: string[];
}

export function prepareHeader(header: string): PreparedHeader {
  return { norm: normaliseHeader(header), words: tokens(header) };
}

const EXACT = { score: 1, via: 'exact' } as const;
const SYNONYM = { score: 0.9, via: 'synonym' } as const;
const NONE = { score: 0, via: 'synonym' } as const;

export function headerScoreOf(h: PreparedHeader, f: FieldInfo): { score: number; via: 'exact' | 'synonym' } {
  const { norm, words } = h;
  if (norm === '') return NONE;
  if (norm === f.norm) return EXACT;
  if (f.synonyms.includes(norm)) return SYNONYM;
  let best = 0;
  const names = [f.norm, ...f.synonyms];
  for (const phrase of f.phrases) {
    // Every word of the name appears as a word of the header: "Adopted Budget FY26" ⊇ "adopted budget".
    if (phrase.join('').length >= 3 && phrase.every((w) => words.includes(w))) {
      best = Math.max(best, 0.8 - 0.05 * Math.max(0, words.length - phrase.length - 1));
    }
  }
  for (const name of names) {
    if (name.length < 4) continue;
    // Inside a longer header only when long enough not to be a fragment ("fund" in "funds over formula").
    if (name.length >= 6 && norm.includes(name)) best = Math.max(best, 0.7);
    // An abbreviation of the name: "desc" for "description" (at least 4 letters, at the start).
    else if (norm.length >= 4 && name.startsWith(norm)) best = Math.max(best, 0.65);
  }
  return { score: Math.max(0, Math.min(0.8, best)), via: 'synonym' };
}
