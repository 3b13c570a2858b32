import { z } from 'zod';

// What a project saves for the allocate engine (rules, plans, presets chosen…). Filled in by the
// allocate issue; kept as a zod schema so .steward files and IPC validate it like every table.
export const AllocateConfigSchema = z.object({}).passthrough();
export type AllocateConfig = z.infer<typeof AllocateConfigSchema>;
