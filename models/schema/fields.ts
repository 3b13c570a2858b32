import { z } from 'zod';
import { MAX_CENTS } from '../money/cents';

/**
 * How a column is read from a spreadsheet cell. The importer derives its converters from this,
 * so the zod table schemas stay the one description of every table.
 */
export type FieldKind =
  | 'id' // a key: trimmed text, numbers kept as written ("0101" stays "0101")
  | 'text'
  | 'money' // dollars in the file, integer cents inside
  | 'fte'
  | 'rate' // a decimal or a percent string
  | 'share' // a rate that can never exceed 100% ("60" → 0.60)
  | 'year' // fiscal year
  | 'date' // ISO yyyy-mm-dd
  | 'int'
  | 'number'
  | 'bool'
  | 'enum'
  | 'grade' // PK, K, 1–12
  | 'funding' // "GEN:0.6; T1:0.4"
  | 'list' // comma-separated values
  | 'need_counts' // every further numeric column (StudentNeeds)
  | 'year_values'; // columns named by year (Drivers)

export interface FieldMeta {
  kind: FieldKind;
  /** One line for the template's notes sheet and the README. */
  doc: string;
  /** Header spellings seen in real exports, matched after normalising (see normaliseHeader). */
  synonyms?: readonly string[];
  /** For enum fields: the accepted values (after lower-casing), with aliases. */
  values?: Readonly<Record<string, string>>;
  example?: string;
}

const metaByField = new WeakMap<z.ZodType, FieldMeta>();

/** Attaches column metadata to a zod field. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  metaByField.set(schema, meta);
  return schema;
}

/** The metadata of a (possibly optional / nullable / defaulted) field. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    const found = metaByField.get(s);
    if (found) return found;
    const inner = (s as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
    if (!inner) return undefined;
    s = inner;
  }
  return undefined;
}

export function isOptionalField(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/** "Site ID", "site_id", "SiteId " → "siteid": how sheet and column names are compared. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.#:/()]+/g, '');
}

/** Money in cents: whole, and under $10 trillion in size (models/money/cents.ts MAX_CENTS; issue 16 item 4). */
export const cents = () => z.number().int().min(-(MAX_CENTS - 1)).max(MAX_CENTS - 1);
export const idText = () => z.string().min(1).max(200);
export const fiscalYear = () => z.number().int().min(1900).max(2200);
export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Where a row came from, so validation can say which file, sheet and row to fix. */
export const SourceRefSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  row: z.number().int(), // 1-based spreadsheet row number
});
export type SourceRef = z.infer<typeof SourceRefSchema>;
