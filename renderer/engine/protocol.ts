import type { ImportFlags, OpenedFile } from '../../models/project/open-file';
import type { Edit } from '../../models/project/edit';
import type { Problem } from '../../models/project/problems';
import type { Project } from '../../models/project/project';
import type { ProjectSummary } from '../../models/project/summary';
import type { TableKind } from '../../models/schema/tables';
import type { AllocationResult } from '../../models/allocate/allocate';
import type { RuleSetChoice } from '../../models/allocate/choices';
import type { OptimizeComparison } from '../../models/allocate/optimize';
import type { OutcomesResult } from '../../models/outcomes/outcomes';
import type { ReviewResult } from '../../models/allocate/review/review';
import type { FixedPositions } from '../../models/allocate/discretionary';
import type { MappingTemplate } from '../../models/import/types';
import type { WizardChoices, WizardFile, WizardPlan } from '../../models/import/wizard';
import type { ScheduleChange } from '../../models/staffing/schedule-change';
import type { ScenarioStaffing, ScheduleView, StaffingView } from './ops/staffing';
import type { TimeStudyJson } from '../../models/staffing/reports';
import type { ForecastReport } from '../../models/forecast/forecast';
import type { MonteCarloSummary, TrialChunk } from '../../models/forecast/monte-carlo';
import type { CompareResult, ForecastRequest, SensitivityResult, TrialsRequest } from './ops/forecast';
import type { HistoryDiff } from '../../models/history/history';
import type { SnapshotTaken } from '../../models/project/snapshot-edit';
import type { SelfCheck } from '../../models/selfcheck/types';
import type { ReportBook } from '../../models/report/types';
import type { ExcelScenariosResult } from './ops/scenario-manager';

/** What an import worker holds between the wizard's steps: the file read once, planned again per choice. */
export type ImportStart =
  /** A saved project, a district workbook or a folder of CSVs: it replaces the project on screen. */
  | { kind: 'project'; opened: OpenedFile }
  /** Nothing could be read (the report says why). */
  | { kind: 'failed'; opened: OpenedFile }
  /** One export: the wizard starts on it with the guesses already planned. */
  | { kind: 'wizard'; file: WizardFile; plan: WizardPlan };

/** How far a long import, the optimiser or a Monte Carlo share has got, sent by the worker while an operation runs. */
export interface ImportProgress { phase: 'reading' | 'importing' | 'optimising' | 'trials' | 'sensitivity'; done: number; total: number; step?: string }

/**
 * The engine worker's requests and their results: one entry per operation, so a new screen adds
 * an operation here and a handler in engine.worker.ts — never an IPC channel. Everything is plain
 * data (structured clone); file bytes are transferred, not copied.
 */
export interface EngineOps {
  /** Untrusted bytes → a project or single-table imports (run in a throwaway worker with a time limit). */
  'open-files': { request: { name: string; files: { name: string; bytes: Uint8Array }[]; flags: ImportFlags; kind?: TableKind }; result: OpenedFile };
  /** The built-in demo district, or with network the demo charter network (models/demo/network.ts). */
  'demo': { request: { network?: boolean }; result: Project };
  /** The project of a version, in full (after an open, an undo, a redo) or as edits on a version the worker holds. */
  'sync': { request: { version: number; project: Project } | { version: number; base: number; edits: Edit[] }; result: { version: number } };
  /** The `validate` problems of a version, and its overview figures when it has no errors. */
  'check': { request: { version: number; name: string }; result: { problems: Problem[]; ok: boolean; summary: ProjectSummary | null } };
  /** A version as a .steward file. */
  'serialise': { request: { version: number }; result: Uint8Array };
  /** The allocation of a version under a rule set (the project's default when none is named), as `steward allocate --json`. */
  'allocate': { request: { version: number; rules?: string }; result: { result: AllocationResult; choices: RuleSetChoice[] } };
  /** Staffing screen (ops/staffing.ts): `steward staffing|schedule|timestudy --json` of a version, and each scenario's staff by year. */
  'staffing': { request: { version: number; scenario?: string }; result: StaffingView };
  'schedule': { request: { version: number; site?: string; extra?: ScheduleChange[] }; result: ScheduleView };
  'timestudy': { request: { version: number }; result: TimeStudyJson };
  'staffing-scenarios': { request: { version: number }; result: ScenarioStaffing };
  /** Scenarios and Compare (ops/forecast.ts): `steward forecast|compare|sensitivity --json` and the Monte Carlo bands. */
  'forecast': { request: { version: number } & ForecastRequest; result: ForecastReport };
  'compare': { request: { version: number; years?: number; baseline?: string }; result: CompareResult };
  'sensitivity': { request: { version: number; scenario: string; years?: number }; result: SensitivityResult };
  /** In a worker of its own (progress as 'trials'; Cancel terminates it): one share of the trials. */
  'monte-carlo-trials': { request: TrialsRequest; result: TrialChunk };
  'monte-carlo-summary': { request: { version: number; scenario: string; years?: number; seed: number; chunks: TrialChunk[] }; result: MonteCarloSummary };
  /** History (ops/history.ts): a version's key figures to keep as a snapshot; `steward diff --json`; `steward selfcheck --json`. */
  'history-results': { request: { version: number }; result: Pick<SnapshotTaken, 'results' | 'results_hash' | 'engine_version'> };
  'history-diff': { request: { version: number; from: string; to?: string }; result: HistoryDiff };
  'selfcheck': { request: { version: number }; result: SelfCheck };
  /** The board report of a version (`steward report`): the workbook's sheets and the print page. */
  'report': { request: { version: number; name: string; date: string; trials: number; scenarios?: string[]; snapshot?: string }; result: { book: ReportBook; html: string; date: string } };
  /** Excel Scenario Manager scenarios of a workbook and, with the user's cell → driver mapping, the Scenarios rows (`steward import-scenarios`). */
  'excel-scenarios': { request: { version: number; bytes: Uint8Array; file: string; map: [string, string][] }; result: ExcelScenariosResult };
  /** An in-year review of the project's Actuals as of a date, as `steward review --as-of DATE --json`. */
  'review': { request: { version: number; asOf: string }; result: ReviewResult };
  /** Spending per pupil against outcome measures, as `steward outcomes --json`. */
  'outcomes': { request: { version: number }; result: OutcomesResult };
  /** Each school's positions fixed by staffing rules (for the discretionary share in `steward allocate --json`). */
  'allocate-fixed-positions': { request: { version: number; year?: number }; result: FixedPositions };
  /** The optimised allocation (HiGHS) beside the priority-order one, as `steward allocate --optimize --json`; run in a worker of its own so Cancel can stop it. */
  'allocate-optimize': { request: { version: number; rules?: string }; result: { optimized: AllocationResult; priority: AllocationResult; comparison: OptimizeComparison } };
  /**
   * The import wizard, in a worker of its own per file (untrusted bytes; size and time limits):
   * reads the file once and keeps its sheets; a project opens as before.
   */
  'import-start': { request: { name: string; files: { name: string; bytes: Uint8Array }[]; choices: WizardChoices; templates: MappingTemplate[] }; result: ImportStart };
  /** The held file imported with the user's choices: mapping, preview, report (every wizard step). */
  'import-plan': { request: { choices: WizardChoices; templates: MappingTemplate[] }; result: WizardPlan };
  /** The accepted rows of the held file with these choices, to add to the project. */
  'import-rows': { request: { choices: WizardChoices }; result: { kind: TableKind; rows: Record<string, unknown>[] } };
  /** The rows the import left out (rejected, then excluded totals), as a CSV file. */
  'import-left-out': { request: { choices: WizardChoices }; result: Uint8Array };
}

/** Operations that run in an import worker (the file's own), not the long-lived engine worker. */
export const IMPORT_OPS = ['import-start', 'import-plan', 'import-rows', 'import-left-out'] as const;
export type ImportOp = (typeof IMPORT_OPS)[number];

export type EngineOp = keyof EngineOps;
export type RequestOf<K extends EngineOp> = EngineOps[K]['request'];
export type ResultOf<K extends EngineOp> = EngineOps[K]['result'];

export interface EngineRequest<K extends EngineOp = EngineOp> { id: number; op: K; request: RequestOf<K> }
export type EngineReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string; stale?: boolean }
  /** Sent while request `id` runs (long imports); the reply follows. */
  | { id: number; progress: ImportProgress };
