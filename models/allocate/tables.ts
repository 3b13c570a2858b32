import type { z } from 'zod';

// Workbook sheets this engine adds to the district workbook (each a zod row schema with field()
// metadata, so the importer, the template writer and the notes sheet pick them up), and the
// project arrays that hold their rows. Filled in by the allocate issue.
export const ALLOCATE_TABLES = {} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;
export const ALLOCATE_PROJECT_SHAPE = {} satisfies Record<string, z.ZodType>;
