import { demoProject } from '../../models/demo/district';
import { demoNetworkProject } from '../../models/demo/network';
import { applyEdit } from '../../models/project/edit';
import { openFiles, readChosen } from '../../models/project/open-file';
import type { Grid } from '../../models/import/types';
import { describeFile, leftOutRowsCsv, planWizard, type WizardChoices, type WizardFile } from '../../models/import/wizard';
import { checkProject } from '../../models/project/open';
import { gate } from '../../models/project/gate';
import type { Project } from '../../models/project/project';
import { serialiseProject } from '../../models/project/steward-file';
import { createIncrementalSummariser } from '../../models/project/summary-incremental';
import { createIncrementalValidator } from '../../models/project/validate-incremental';
import type { EngineOp, ImportProgress, RequestOf, ResultOf } from './protocol';
import { runAllocate, runAllocateOptimized, runFixedPositions, runOutcomes, runReviewOp } from './ops/allocate';
import { runSchedule, runScenarioStaffing, runStaffing, runTimeStudy } from './ops/staffing';
import { runCompare, runForecast, runSensitivity, runTrialChunk, summariseChunks } from './ops/forecast';
import { runHistoryDiff, runHistoryResults, runSelfCheck } from './ops/history';
import { runReport } from './ops/report';
import { runExcelScenarios } from './ops/scenario-manager';

/** Operations whose handler returns a promise (the worker awaits every answer). */
export type AsyncOp = 'allocate-optimize';

/** Thrown when a request names a version the worker no longer holds: the client sends it in full. */
export class StaleVersion extends Error {}

/** What a handler may do besides answering: report progress on a long import. */
export interface HandlerContext {
  progress?: (p: ImportProgress) => void;
}

/** Thrown when an import step comes before the file was read (the client starts a new import). */
export class NoImport extends Error {}

/**
 * What the engine worker does, as plain functions over the models (the same code the CLI runs).
 * Projects are kept by version — a version is immutable, so a result computed for it never goes
 * stale — and only the last few versions are held. An import worker holds one file's sheets
 * between the wizard's steps, and the rows of the last plan (so adding them re-reads nothing).
 */
export function createEngine(keep = 8) {
  let held: { grids: Grid[]; file: WizardFile; key: string; rows: Record<string, unknown>[]; report: ResultOf<'import-plan'>['report'] | null } | null = null;
  const heldFile = () => {
    if (!held) throw new NoImport('no file is being imported');
    return held;
  };
  /** Plans the held file (or reuses the last plan when the choices are the same). */
  const plan = (choices: WizardChoices, templates: RequestOf<'import-plan'>['templates'], ctx?: HandlerContext) => {
    const h = heldFile();
    const importing = ctx?.progress ? (done: number, total: number) => ctx.progress!({ phase: 'importing', done, total }) : undefined;
    const out = planWizard(h.grids, h.file, choices, templates, importing);
    held = { ...h, key: JSON.stringify(choices), rows: out.rows, report: out.plan.report };
    return out;
  };
  const versions = new Map<number, Project>();
  const checks = new Map<number, ResultOf<'check'>>();
  // An edit's version shares its untouched tables with the last one: only the checks and sums that
  // read a changed table run again (the same problems and figures as validateProject/summariseProject).
  const validator = createIncrementalValidator();
  const summariser = createIncrementalSummariser();
  const remember = (version: number, project: Project) => {
    versions.set(version, project);
    while (versions.size > keep) {
      const oldest = versions.keys().next().value as number;
      versions.delete(oldest);
      checks.delete(oldest);
    }
  };
  const at = (version: number): Project => {
    const p = versions.get(version);
    if (!p) throw new StaleVersion(`version ${version} is not held`);
    return p;
  };
  // Every operation answers at once except those listed in AsyncOp (the optimiser loads HiGHS).
  const handlers: { [K in EngineOp]: (request: RequestOf<K>, ctx?: HandlerContext) => K extends AsyncOp ? Promise<ResultOf<K>> : ResultOf<K> } = {
    'open-files': (r) => openFiles(r.files, r.name, r.flags, r.kind),
    'demo': (r) => (r.network ? demoNetworkProject() : demoProject()),
    'sync': (r) => {
      // A version is immutable: one the worker still holds (an undo, a redo) keeps its tables, so
      // the checks kept for them are found again.
      if ('project' in r) { if (!versions.has(r.version)) remember(r.version, r.project); }
      else {
        let p = at(r.base);
        for (const e of r.edits) {
          const next = applyEdit(p, e);
          if (!next.ok) throw new Error(next.reason);
          p = next.value;
        }
        remember(r.version, p);
      }
      return { version: r.version };
    },
    'check': (r) => {
      const hit = checks.get(r.version);
      if (hit) return hit;
      const project = at(r.version);
      const gated = gate(checkProject(project, r.name, validator.validate), 'validate', r.name);
      const result = { problems: gated.problems, ok: gated.ok, summary: gated.ok ? summariser.summarise(project) : null };
      checks.set(r.version, result);
      return result;
    },
    'serialise': (r) => new TextEncoder().encode(serialiseProject(at(r.version))),
    'allocate': (r) => runAllocate(at(r.version), r.rules),
    'staffing': (r) => runStaffing(at(r.version), r.scenario),
    'schedule': (r) => runSchedule(at(r.version), r.site, r.extra),
    'timestudy': (r) => runTimeStudy(at(r.version)),
    'staffing-scenarios': (r) => runScenarioStaffing(at(r.version)),
    'forecast': ({ version, ...r }) => runForecast(at(version), r),
    'compare': (r) => runCompare(at(r.version), r),
    'sensitivity': (r, ctx) => runSensitivity(at(r.version), r, (done, total) => ctx?.progress?.({ phase: 'sensitivity', done, total })),
    'monte-carlo-trials': (r, ctx) => runTrialChunk(r, (done) => ctx?.progress?.({ phase: 'trials', done, total: r.count })),
    'monte-carlo-summary': (r) => summariseChunks(at(r.version), r),
    'history-results': (r) => runHistoryResults(at(r.version)),
    'history-diff': (r) => runHistoryDiff(at(r.version), r.from, r.to),
    'selfcheck': (r) => runSelfCheck(at(r.version)),
    'report': ({ version, ...r }) => runReport(at(version), r),
    'excel-scenarios': ({ version, ...r }) => runExcelScenarios(at(version), r),
    'allocate-optimize': (r, ctx) => runAllocateOptimized(at(r.version), r.rules, ctx?.progress),
    'outcomes': (r) => runOutcomes(at(r.version)),
    'review': (r) => runReviewOp(at(r.version), r.asOf),
    'allocate-fixed-positions': (r) => runFixedPositions(at(r.version), r.year),
    'import-start': (r, ctx) => {
      held = null;
      ctx?.progress?.({ phase: 'reading', done: 0, total: r.files.reduce((n, f) => n + f.bytes.byteLength, 0) });
      const flags = { ...(r.choices.fillDown ? {} : { fillDown: false }), ...(r.choices.strict ? { strict: true } : {}) };
      const read = readChosen(r.files, r.name, flags);
      if ('opened' in read) return { kind: read.opened.kind === 'failed' ? 'failed' : 'project', opened: read.opened };
      const file = describeFile(read.grids, r.name, read.format, read.notes);
      held = { grids: read.grids, file, key: '', rows: [], report: null };
      return { kind: 'wizard', file, plan: plan(r.choices, r.templates, ctx).plan };
    },
    'import-plan': (r, ctx) => plan(r.choices, r.templates, ctx).plan,
    'import-rows': (r, ctx) => {
      const h = heldFile();
      if (h.key !== JSON.stringify(r.choices) || h.report === null) plan(r.choices, [], ctx);
      const now = heldFile();
      return { kind: now.report!.kind, rows: now.rows };
    },
    'import-left-out': (r, ctx) => {
      const h = heldFile();
      if (h.key !== JSON.stringify(r.choices) || h.report === null) plan(r.choices, [], ctx);
      const now = heldFile();
      return new TextEncoder().encode(leftOutRowsCsv(now.grids, now.report!));
    },
  };
  return handlers;
}
