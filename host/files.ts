import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ReadError } from '../models/import/types';
import { DEFAULT_MAX_BYTES } from './read-file';

// What the desktop app hands its renderer when the user opens something: the bytes of one file,
// or of every readable file in a folder, within the same size cap as any import. Parsing happens
// in the renderer's engine worker (with its own time limit); here no byte is interpreted.

const FOLDER_FILES = new Set(['.csv', '.tsv', '.txt']);

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

/** One file, or a folder's CSV files sorted by name; refused beyond `maxBytes` in all. */
export async function readChosen(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<{ name: string; bytes: Uint8Array }[]> {
  const st = await stat(path);
  const paths = st.isDirectory()
    ? (await readdir(path)).filter((n) => FOLDER_FILES.has(extname(n).toLowerCase())).sort().map((n) => join(path, n))
    : [path];
  let total = 0;
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const p of paths) {
    const size = (await stat(p)).size;
    total += size;
    if (total > maxBytes) throw new ReadError(`${basename(path)} is over the ${mb(maxBytes)} limit for one import`, basename(path), 'too-large');
    out.push({ name: basename(p), bytes: new Uint8Array(await readFile(p)) });
  }
  return out;
}
