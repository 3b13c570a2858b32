import { z } from 'zod';

// What a project saves for the staffing engine (rules, plans, presets chosen…). Filled in by the
// staffing issue; kept as a zod schema so .steward files and IPC validate it like every table.
export const StaffingConfigSchema = z.object({}).passthrough();
export type StaffingConfig = z.infer<typeof StaffingConfigSchema>;
