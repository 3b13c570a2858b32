import { z } from 'zod';
import { TABLE_KINDS, type TableKind } from '../models/schema/tables';
import type { ImportReport } from '../models/import/types';
import type { Problem } from '../models/project/problems';

// The one description of every message between the renderer and the Electron main process:
// channel → request schema → reply schema. The main process validates every request against it
// (a compromised renderer may send anything), the preload builds its API from it, and the renderer
// gets reply types from it. Pure: zod and model types only, so the renderer and tests import it too.

const money = z.number().int();

export const ProjectSummarySchema = z.object({
  districtName: z.string(),
  baseYear: z.number().int(),
  horizonYears: z.number().int(),
  totals: z.object({
    /** Students enrolled in the base year. */
    students: z.number().int().min(0),
    sites: z.number().int().min(0),
    positions: z.number().int().min(0),
    vacantPositions: z.number().int().min(0),
    fte: z.number().min(0),
    /** Base-year budget, all funds (cents). */
    budgetCents: money,
    budgetLines: z.number().int().min(0),
    /** Of budgetCents: funds marked restricted / not restricted / codes missing from Funds. */
    restrictedCents: money,
    unrestrictedCents: money,
    unclassifiedCents: money,
  }),
  byFund: z.array(z.object({
    fundCode: z.string(),
    name: z.string(),
    /** null when the code is used in Budget but missing from Funds. */
    restricted: z.boolean().nullable(),
    source: z.string().nullable(),
    budgetCents: money,
    availableCents: money.nullable(),
  })),
  bySite: z.array(z.object({
    siteId: z.string(),
    name: z.string(),
    /** null when the id is used in Budget/Positions/Enrollment but missing from Sites. */
    level: z.string().nullable(),
    students: z.number().int().min(0),
    fte: z.number().min(0),
    budgetCents: money,
  })),
  /** Base-year lines with no site (central office, district-wide). */
  districtWideBudgetCents: money,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

const RowErrorSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});

const FieldMappingSchema = z.object({
  field: z.string(),
  column: z.string().nullable(),
  index: z.number().int().nullable(),
  confidence: z.number(),
  via: z.enum(['exact', 'synonym', 'shape', 'user', 'template', 'set', 'title', 'missing']),
  value: z.string().optional(),
});

export const ImportReportSchema = z.object({
  file: z.string(),
  // TableKind; kept a string here so engine-added tables need no contract change.
  kind: z.string(),
  sheet: z.string(),
  sheets: z.array(z.string()),
  headerRow: z.record(z.string(), z.number().int()),
  mapping: z.array(FieldMappingSchema),
  rows: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
  excluded: z.number().int().min(0),
  errors: z.array(RowErrorSchema),
  rowWarnings: z.array(RowErrorSchema),
  unclassified: z.number().int().min(0),
  filledDown: z.array(z.object({
    sheet: z.string(),
    column: z.string(),
    field: z.string(),
    count: z.number().int().min(0),
    rows: z.array(z.tuple([z.number().int(), z.number().int()])),
    via: z.enum(['subtotals', 'runs', 'merged']),
  })),
  warnings: z.array(z.string()),
  titleValues: z.record(z.string(), z.string()),
  unknownColumns: z.array(z.string()),
  totals: z.object({ amountCents: z.number(), fte: z.number(), fileAmountCents: z.number().nullable(), ties: z.boolean().nullable() }),
});

export const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'note']),
  table: z.string(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
});

// Compile-time proof that the schemas above describe the model types (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _reportMatches: Same<Omit<z.infer<typeof ImportReportSchema>, 'kind'>, Omit<ImportReport, 'kind'>> = true;
const _problemMatches: Same<z.infer<typeof ProblemSchema>, Problem> = true;
void _reportMatches;
void _problemMatches;

export const OpenFileReplySchema = z.object({
  /** The file or folder name (no directories: the renderer never needs the user's paths). */
  name: z.string(),
  /** null when the file is not a complete project (a single table, or errors stopped it). */
  summary: ProjectSummarySchema.nullable(),
  reports: z.array(ImportReportSchema),
  problems: z.array(ProblemSchema),
});
export type OpenFileReply = z.infer<typeof OpenFileReplySchema>;

export const AppVersionSchema = z.object({
  app: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string().nullable(),
});
export type AppVersion = z.infer<typeof AppVersionSchema>;

/** No payload: the renderer passes nothing (and anything it does pass is refused). */
const NoPayload = z.undefined();

/**
 * How a file is imported (the import panel's checkboxes): fillDown false = never fill a blank key
 * from the row above (CLI --no-fill-down); strict = reject rows with a blank Budget/Actuals object
 * instead of keeping them as "unclassified" (CLI --strict). Absent = the defaults.
 */
const importFlags = { fillDown: z.boolean().optional(), strict: z.boolean().optional() };
export const ImportFlagsSchema = z.strictObject(importFlags);
export type ImportFlags = z.infer<typeof ImportFlagsSchema>;

export const IPC_CONTRACT = {
  'app:version': { request: NoPayload, reply: AppVersionSchema },
  'project:open-demo': { request: NoPayload, reply: ProjectSummarySchema },
  // The path is chosen in a dialog in the main process; the renderer only says file or folder.
  // null reply = the user cancelled the dialog.
  'project:open-file': {
    request: z.strictObject({ folder: z.boolean().optional(), ...importFlags }).optional(),
    reply: OpenFileReplySchema.nullable(),
  },
  // Read the file opened last again as the table the user picked (when the guess was wrong).
  // Main remembers the path; the renderer only names the table. null = no file is open.
  'project:reimport-as': {
    request: z.strictObject({ kind: z.enum(TABLE_KINDS as [TableKind, ...TableKind[]]), ...importFlags }),
    reply: OpenFileReplySchema.nullable(),
  },
  // Read the file opened last again as it was opened (a project, or each sheet as the table it
  // looks like), with other import options. null = no file is open.
  'project:reopen': {
    request: ImportFlagsSchema,
    reply: OpenFileReplySchema.nullable(),
  },
} as const;

export type Channel = keyof typeof IPC_CONTRACT;
export const CHANNELS = Object.keys(IPC_CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof IPC_CONTRACT)[C]['request']>;
export type ReplyOf<C extends Channel> = z.infer<(typeof IPC_CONTRACT)[C]['reply']>;

/** What the renderer can call: one named method per channel (window.steward in Electron). */
export interface StewardApi {
  appVersion(): Promise<ReplyOf<'app:version'>>;
  openDemo(): Promise<ReplyOf<'project:open-demo'>>;
  openFile(request?: RequestOf<'project:open-file'>): Promise<ReplyOf<'project:open-file'>>;
  reimportAs(request: RequestOf<'project:reimport-as'>): Promise<ReplyOf<'project:reimport-as'>>;
  reopen(request: RequestOf<'project:reopen'>): Promise<ReplyOf<'project:reopen'>>;
}

