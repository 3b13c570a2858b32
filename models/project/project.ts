import { z } from 'zod';
import { ProjectInputsSchema } from './project-inputs';
import { SnapshotSchema } from './snapshot';

export { ProjectInputsSchema, type ProjectInputs } from './project-inputs';

/**
 * A project: its inputs (./project-inputs.ts) and the named, immutable snapshots of earlier
 * versions of them — the adopted budget, each in-year review, each set taken to the board.
 */
export const ProjectSchema = ProjectInputsSchema.extend({
  snapshots: z.array(SnapshotSchema).default([]),
});
export type Project = z.infer<typeof ProjectSchema>;

/** The current .steward schema version. Bump it and add a migration in ./migrations.ts. */
export const SCHEMA_VERSION = 2;

export const StewardFileSchema = z.object({
  format: z.literal('steward'),
  schemaVersion: z.number().int().min(1),
  savedAt: z.string(),
  project: ProjectSchema,
});
export type StewardFile = z.infer<typeof StewardFileSchema>;
