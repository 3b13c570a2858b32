// Expenditure object classes. Numeric object codes follow the NCES account code structure
// (100 salaries, 200 benefits, 300–500 purchased services, 600 supplies, 700 property/capital,
// 800–900 other), the structure most state charts of accounts use.

export const OBJECT_CLASSES = ['salaries', 'benefits', 'purchased_services', 'supplies', 'capital', 'other', 'transfers_out'] as const;
export type ObjectClass = (typeof OBJECT_CLASSES)[number];
export const C = OBJECT_CLASSES.length;
export const SAL = 0;
export const BEN = 1;
export const TRF = 6;

const BY_DIGIT: Record<string, number> = { '1': 0, '2': 1, '3': 2, '4': 2, '5': 2, '6': 3, '7': 4, '8': 5, '9': 5 };

/** Index into OBJECT_CLASSES for a budget line's object (names or numeric codes). */
export function objectClassIndex(object: string): number {
  const o = object.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const named = (OBJECT_CLASSES as readonly string[]).indexOf(o);
  if (named >= 0) return named;
  if (/^\d{3,4}/.test(o)) return BY_DIGIT[o[0]!] ?? 5;
  if (o.startsWith('salar') || o.startsWith('wage')) return 0;
  if (o.startsWith('benefit') || o.startsWith('fringe')) return 1;
  if (o.startsWith('suppl') || o.startsWith('material')) return 3;
  if (o.startsWith('capital') || o.startsWith('equip') || o.startsWith('property')) return 4;
  if (o.startsWith('purchased') || o.startsWith('contract') || o.startsWith('service')) return 2;
  return 5;
}
