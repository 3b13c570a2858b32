import type { ImportFlags, OpenedFile } from '../../models/project/open-file';
import type { Edit } from '../../models/project/edit';
import type { Problem } from '../../models/project/problems';
import type { Project } from '../../models/project/project';
import type { ProjectSummary } from '../../models/project/summary';
import type { TableKind } from '../../models/schema/tables';
import type { AllocationResult } from '../../models/allocate/allocate';
import type { RuleSetChoice } from '../../models/allocate/choices';

/**
 * The engine worker's requests and their results: one entry per operation, so a new screen adds
 * an operation here and a handler in engine.worker.ts — never an IPC channel. Everything is plain
 * data (structured clone); file bytes are transferred, not copied.
 */
export interface EngineOps {
  /** Untrusted bytes → a project or single-table imports (run in a throwaway worker with a time limit). */
  'open-files': { request: { name: string; files: { name: string; bytes: Uint8Array }[]; flags: ImportFlags; kind?: TableKind }; result: OpenedFile };
  /** The built-in demo district. */
  'demo': { request: Record<string, never>; result: Project };
  /** The project of a version, in full (after an open, an undo, a redo) or as edits on a version the worker holds. */
  'sync': { request: { version: number; project: Project } | { version: number; base: number; edits: Edit[] }; result: { version: number } };
  /** The `validate` problems of a version, and its overview figures when it has no errors. */
  'check': { request: { version: number; name: string }; result: { problems: Problem[]; ok: boolean; summary: ProjectSummary | null } };
  /** A version as a .steward file. */
  'serialise': { request: { version: number }; result: Uint8Array };
  /** The allocation of a version under a rule set (the project's default when none is named), as `steward allocate --json`. */
  'allocate': { request: { version: number; rules?: string }; result: { result: AllocationResult; choices: RuleSetChoice[] } };
}

export type EngineOp = keyof EngineOps;
export type RequestOf<K extends EngineOp> = EngineOps[K]['request'];
export type ResultOf<K extends EngineOp> = EngineOps[K]['result'];

export interface EngineRequest<K extends EngineOp = EngineOp> { id: number; op: K; request: RequestOf<K> }
export type EngineReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; stale?: boolean };
