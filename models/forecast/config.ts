import { z } from 'zod';

// What a project saves for the forecast engine (rules, plans, presets chosen…). Filled in by the
// forecast issue; kept as a zod schema so .steward files and IPC validate it like every table.
export const ForecastConfigSchema = z.object({}).passthrough();
export type ForecastConfig = z.infer<typeof ForecastConfigSchema>;
