import { fail, ok, type Parsed } from '../result';
import { MIGRATIONS, type Json, type JsonObject } from './migrations';
import { ProjectSchema, SCHEMA_VERSION, type Project } from './project';

// A saved project: {format: 'steward', schemaVersion, savedAt, project}. Reading one is the path
// an untrusted file takes, so every step fails with a message instead of throwing, keys that
// could reach an object prototype are refused, old versions are migrated step by step, and the
// result is repaired (unknown keys dropped, defaults filled) and validated by ProjectSchema.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ISSUES_SHOWN = 5;

export function serialiseProject(project: Project, savedAt: string = new Date().toISOString()): string {
  const doc = { format: 'steward', schemaVersion: SCHEMA_VERSION, savedAt, project };
  return prettyStable(doc as unknown as Json, 0) + '\n';
}

export function parseStewardFile(text: string): Parsed<Project> {
  let forbidden: string | null = null;
  let doc: unknown;
  try {
    doc = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (e) {
    return fail(`not a Steward project file: it is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (forbidden !== null) return fail(`refused: the file contains the key "${forbidden}", which Steward never writes`);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return fail('not a Steward project file: expected a JSON object');
  const obj = doc as JsonObject;
  if (obj.format !== 'steward') return fail(`not a Steward project file: "format" is ${JSON.stringify(obj.format ?? null)}, expected "steward"`);
  const version = obj.schemaVersion ?? obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(`corrupt Steward file: schemaVersion is ${JSON.stringify(version ?? null)}, expected a whole number`);
  }
  if (version > SCHEMA_VERSION) {
    return fail(`this project was made by a newer Steward (file version ${version}); this one reads up to version ${SCHEMA_VERSION}. Update Steward to open it.`);
  }
  let current: JsonObject = obj;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail(`cannot upgrade a version ${v} file: no migration`);
    current = step(current);
  }
  const parsed = ProjectSchema.safeParse(current.project);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `project.${formatPath(i.path)}: ${i.message}`);
    const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : '';
    return fail(`corrupt Steward file: ${shown.join('; ')}${more}`);
  }
  return ok(parsed.data);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/**
 * JSON with keys sorted (the same project always gives the same text) and one table row per line
 * (diffs of saved projects stay readable): objects and arrays are spread over lines down to the
 * project's tables; each row is written on one line.
 */
function prettyStable(value: Json, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + (depth >= 2 ? compactStable(v) : prettyStable(v, depth + 1))).join(',\n')}\n${end}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = depth === 0 ? Object.keys(value) : Object.keys(value).sort();
    const parts = keys.filter((k) => value[k] !== undefined).map((k) => `${pad}${JSON.stringify(k)}: ${depth >= 2 ? compactStable(value[k]!) : prettyStable(value[k]!, depth + 1)}`);
    return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n${end}}`;
  }
  return JSON.stringify(value);
}

function compactStable(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(compactStable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${compactStable(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
