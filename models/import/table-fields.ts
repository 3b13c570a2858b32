import type { z } from 'zod';
import { fieldMeta, normaliseHeader, type FieldMeta } from '../schema/fields';
import { TABLES, type TableKind } from '../schema/tables';
import { unwrapSchema } from './convert';

/** One column of a table as the importer sees it: name, schema, metadata and the spellings to match. */
export interface FieldInfo {
  name: string;
  schema: z.ZodType;
  meta: FieldMeta;
  required: boolean;
  /** normaliseHeader(name) */
  norm: string;
  /** normaliseHeader of each synonym. */
  synonyms: string[];
  /** Word tokens of the name and each synonym, for fuzzy matching ("fiscal year" → [fiscal, year]). */
  phrases: string[][];
}

const cache = new Map<TableKind, FieldInfo[]>();

export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== '');
}

/** The importable fields of a table (everything but `src`), in schema order. */
export function fieldsOf(kind: TableKind): FieldInfo[] {
  const hit = cache.get(kind);
  if (hit) return hit;
  const shape = (TABLES[kind].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const out: FieldInfo[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    if (name === 'src') continue;
    const meta = fieldMeta(schema) ?? { kind: 'text', doc: name };
    const syn = meta.synonyms ?? [];
    out.push({
      name,
      schema,
      meta,
      required: !unwrapSchema(schema).optional,
      norm: normaliseHeader(name),
      synonyms: syn.map(normaliseHeader),
      phrases: [tokens(name.replace(/_/g, ' ')), ...syn.map(tokens)].filter((p) => p.length > 0),
    });
  }
  cache.set(kind, out);
  return out;
}

/** Field kinds spread over several columns rather than read from one. */
export const isSpreadKind = (f: FieldInfo) => f.meta.kind === 'need_counts' || f.meta.kind === 'year_values';
