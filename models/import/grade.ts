import type { Cell } from './types';

// Grade labels as student systems and state reports write them: PK, Pre-K, K, KG, Kindergarten,
// 01, "Grade 1", "Gr. 3", "1st", "12th", "Grade PK (Half Day & Full Day)".

const WORDS: Record<string, string> = {
  pk: 'PK', prek: 'PK', prekindergarten: 'PK', p: 'PK', ps: 'PK', preschool: 'PK', pk3: 'PK', pk4: 'PK',
  k: 'K', kg: 'K', kn: 'K', kindergarten: 'K', kinder: 'K', k5: 'K',
};

/** A grade as one of GRADES ("PK", "K", "1"…"12"), or null when the text is not a grade. */
export function parseGrade(raw: Cell): string | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= 12 ? String(raw) : raw === 0 ? 'K' : null;
  if (typeof raw !== 'string') return null;
  let t = raw.toLowerCase().replace(/\(.*\)/g, '').replace(/[\s.\-_]+/g, '');
  t = t.replace(/^(grade|grd|gr|g)(?=[a-z0-9])/, '');
  const word = WORDS[t];
  if (word) return word;
  const m = /^0?(\d{1,2})(st|nd|rd|th)?(grade)?$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  if (n === 0) return 'K';
  return n >= 1 && n <= 12 ? String(n) : null;
}
