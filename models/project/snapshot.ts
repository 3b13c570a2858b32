import { z } from 'zod';
import { ProjectInputsSchema, type ProjectInputs } from './project-inputs';

// A snapshot: a named, immutable copy of a project's inputs (the adopted budget, an in-year
// review, a scenario set taken to the board), with the seed and engine version it was computed
// with, the key results it showed then and a hash of them. Its figures are recomputed on demand
// from the inputs and checked against the hash, so an engine change that moves a figure the
// board saw is reported, never hidden (models/history/verify.ts).

const cents = () => z.number().int();

/** The figures a snapshot keeps: what a board remembers and what `steward diff` compares. */
export const KeyResultsSchema = z.object({
  /** The allocation under the project's own rules: each site's total and the equity measures. */
  allocation: z.object({
    year: z.number().int(),
    sites: z.array(z.object({ site_id: z.string(), allocation_cents: cents() })),
    equity: z.record(z.string(), z.number()),
  }).nullable(),
  /** Each scenario's ending fund balance by year (Base and every scenario). */
  scenarios: z.array(z.object({
    name: z.string(),
    years: z.array(z.object({ year: z.number().int(), ending_balance_cents: cents() })),
  })).nullable(),
  /** Required and budgeted FTE by role (the staffing plan for the base year). */
  fte_by_role: z.array(z.object({ role: z.string(), required_fte: z.number(), actual_fte: z.number() })).nullable(),
  /** Why a part is null: the tables it needs are empty, or its engine refused the inputs. */
  not_computed: z.array(z.object({ part: z.enum(['allocation', 'scenarios', 'fte_by_role']), reason: z.string() })).default([]),
});
export type KeyResults = z.infer<typeof KeyResultsSchema>;

export const SNAPSHOT_NAME_MAX = 80;

export const SnapshotSchema = z.object({
  name: z.string().trim().min(1, 'a snapshot needs a name').max(SNAPSHOT_NAME_MAX),
  /** ISO date and time it was taken. */
  taken_at: z.string().min(1),
  note: z.string().max(2000).default(''),
  /** Shown to the board: from then on it cannot be edited or deleted. */
  presented: z.boolean().default(false),
  engine_version: z.string().min(1),
  /** The project's random seed when it was taken (also in the inputs' settings; kept here to be seen). */
  seed: z.number().int(),
  inputs: ProjectInputsSchema,
  results: KeyResultsSchema,
  /** FNV-1a 64 of the results' canonical JSON (models/history/key-results.ts). */
  results_hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** What may change on a snapshot that was not presented: its name, note, and marking it presented. */
export interface SnapshotChanges { name?: string; note?: string; presented?: boolean }

/** A project's inputs without its snapshots (a snapshot never holds snapshots). */
export function inputsOf(project: ProjectInputs & { snapshots?: unknown }): ProjectInputs {
  const { snapshots: _snapshots, ...inputs } = project;
  return inputs;
}

/** Why `name` cannot name a new snapshot among `existing`, or null. */
export function snapshotNameProblem(name: string, existing: readonly { name: string }[], except?: string): string | null {
  const n = name.trim();
  if (n === '') return 'a snapshot needs a name';
  if (n.length > SNAPSHOT_NAME_MAX) return `a snapshot name has at most ${SNAPSHOT_NAME_MAX} characters`;
  const clash = existing.find((s) => s.name.trim().toLowerCase() === n.toLowerCase() && s.name !== except);
  return clash ? `there is already a snapshot named "${clash.name}"` : null;
}

/** The refusal every change to a presented snapshot gets. */
export function presentedRefusal(name: string): string {
  return `snapshot "${name}" was presented and cannot be edited or deleted; take a new snapshot instead`;
}
