import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SCHEMA_VERSION } from '../models/project/project';

// Steward writes over an existing file only when it is a Steward project this version can read:
// a file from a newer Steward, a corrupt header or someone else's file is never overwritten (the
// user is told to save under another name). Save also never writes back to a workbook or a CSV
// folder it opened: those are Save As (renderer/store/project-slice.ts, and handlers.ts here).

const HEAD_BYTES = 64 * 1024;

/** Why Steward must not write over `path`, or null when it may (no such file, or a readable project). */
export async function whyNotOverwrite(path: string): Promise<string | null> {
  const name = basename(path);
  if (extname(path).toLowerCase() !== '.steward') return `${name} is not a Steward project file (.steward): save under a .steward name`;
  let head: string;
  try {
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
      head = new TextDecoder().decode(buf.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') return `${name} is a folder`;
    return `cannot check ${name} before writing over it: ${(e as Error).message}`;
  }
  return stewardHeaderProblem(name, head);
}

/** The same decision on the first bytes of the file (tested without a file system). */
export function stewardHeaderProblem(name: string, head: string): string | null {
  if (head.trim() === '') return null; // an empty file holds nothing to lose
  if (!/^\s*\{\s*"format"\s*:\s*"steward"\s*,/.test(head)) return `${name} is not a Steward project, so Steward will not write over it: save under another name`;
  const v = /"schemaVersion"\s*:\s*(\d{1,9})\s*[,}]/.exec(head);
  if (!v) return `${name} is not a readable Steward project, so Steward will not write over it: save under another name`;
  const version = Number(v[1]);
  if (version > SCHEMA_VERSION) return `${name} was saved by a newer Steward (file version ${version}; this one reads up to ${SCHEMA_VERSION}), so Steward will not write over it: save under another name`;
  return null;
}
