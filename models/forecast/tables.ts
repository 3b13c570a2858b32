import type { z } from 'zod';

// Workbook sheets this engine adds to the district workbook (each a zod row schema with field()
// metadata, so the importer, the template writer and the notes sheet pick them up), and the
// project arrays that hold their rows. Filled in by the forecast issue.
export const FORECAST_TABLES = {} satisfies Record<string, { sheet: string; schema: z.ZodObject; required: boolean }>;
export const FORECAST_PROJECT_SHAPE = {} satisfies Record<string, z.ZodType>;
