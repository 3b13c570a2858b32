import { randomBytes } from 'node:crypto';
import { constants as fsc, realpathSync, type Stats } from 'node:fs';
import { copyFile, link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

// The one way Steward writes a file: the desktop app's Save, saveProject, the CLI's --out
// workbooks and templates, the recovery file and the app's own settings. The target is always
// either the old complete file or the new complete file — never torn, never empty — whatever
// moment the process is killed or the power goes:
//
//   1. remove stale temporary files of this target (left by a save that was killed);
//   2. write `<name>.<pid>-<random>.tmp` in the same folder (same file system, so step 4 is a
//      rename, not a copy) and fsync it;
//   3. keep the previous version as `<name>.bak` (a hard link to the old file, renamed into place;
//      a copy where the file system has no hard links) — the old file stays at `<name>` meanwhile;
//   4. rename the temporary file over `<name>` (atomic on POSIX and on NTFS);
//   5. fsync the folder, so the rename itself survives a power cut (not possible on Windows, where
//      NTFS journals the rename).
//
// A temporary file names the process that wrote it, so the next save can tell debris (its
// process is gone) from a save still running in another Steward process (left alone for an hour).

export const BACKUP_SUFFIX = '.bak';
/** A save never takes this long: a temporary file this old is debris even if its process id was reused. */
export const STALE_TEMP_MS = 60 * 60 * 1000;
/** Temporary files of the old routine (`<name>.<12 hex>.tmp`, no process id) older than this are debris. */
const LEGACY_STALE_MS = 60 * 1000;

export interface SaveFileOptions {
  /** Keep the previous version as `<name>.bak` (default true; off for the app's own state files). */
  backup?: boolean;
}

/** Where the previous version of `path` is kept. */
export const backupPath = (path: string) => `${path}${BACKUP_SUFFIX}`;

/** A failed save, with what a user can do about it; the target is untouched. */
export class SaveError extends Error {
  /** The message without the file's name ("the disk is full; …"), for a window that names the file itself. */
  readonly reason: string;
  constructor(message: string, readonly code?: string, reason?: string) {
    super(message);
    this.reason = reason ?? message;
    this.name = 'SaveError';
  }
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

function describe(e: unknown, file: string): SaveError {
  const code = errno(e);
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the disk is read-only',
    EACCES: 'permission denied (is the folder read-only, or the file open in another program?)',
    EPERM: 'the operating system refused (is the file open in another program?)',
    EBUSY: 'the file is in use by another program',
    ENOENT: 'the folder no longer exists',
    ENOTDIR: 'the folder no longer exists',
    EISDIR: 'a folder has that name',
  };
  const reason = (code && why[code]) ?? (e instanceof Error ? e.message : String(e));
  const tail = `${reason}; the file on disk was left as it was`;
  return new SaveError(`cannot save ${file}: ${tail}`, code, tail);
}

/** `name.<pid>-<hex>.tmp` → pid; a legacy `name.<12 hex>.tmp` → 0; anything else → null. */
export function tempOwner(targetBase: string, fileName: string): number | null {
  if (!fileName.startsWith(`${targetBase}.`) || !fileName.endsWith('.tmp')) return null;
  const middle = fileName.slice(targetBase.length + 1, -'.tmp'.length);
  const m = /^(\d{1,10})-[0-9a-f]{8,32}$/.exec(middle);
  if (m) return Number(m[1]);
  return /^[0-9a-f]{12}$/.test(middle) ? 0 : null;
}

const tempName = (path: string) => `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Removes temporary files of `target` (and of its backup) that no save is writing: ours (this
 * process holds the target's lock, so none of ours is in flight), those of a process that is gone,
 * and any older than an hour. Returns the names removed.
 */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(target);
  const bases = [basename(target), basename(backupPath(target))];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const base = bases.find((b) => tempOwner(b, name) !== null);
    if (base === undefined) continue;
    const pid = tempOwner(base, name)!;
    const full = join(dir, name);
    let age: number;
    try {
      age = now - (await stat(full)).mtimeMs;
    } catch {
      continue;
    }
    const stale = pid === 0 ? age > LEGACY_STALE_MS : pid === process.pid || !alive(pid) || age > STALE_TEMP_MS;
    if (!stale) continue;
    try {
      await unlink(full);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: the next save tries again.
    }
  }
  return removed;
}

/** rename(2), retried briefly on Windows, where a virus scanner or indexer may hold the file for a moment. */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const transient = process.platform === 'win32' && ['EPERM', 'EACCES', 'EBUSY'].includes(errno(e) ?? '');
      if (!transient || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, 25 * 2 ** Math.min(attempt, 5)));
    }
  }
}

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** fsync a folder so a rename in it is durable. Windows cannot open folders this way; some file systems refuse. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let fh;
  try {
    fh = await open(dir, fsc.O_RDONLY);
    await fh.sync();
  } catch (e) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES'].includes(errno(e) ?? '')) throw e;
  } finally {
    await fh?.close();
  }
}

/** The previous version → `<target>.bak`, atomically: the backup is always a complete earlier file. */
async function keepBackup(target: string, existing: Stats): Promise<void> {
  const bak = backupPath(target);
  // Already the backup (a save killed between its two renames left both names on the old file):
  // rename(2) between two links of one file does nothing, so there is nothing to do.
  const current = await stat(bak).catch(() => null);
  if (current && current.ino === existing.ino && current.dev === existing.dev && current.ino !== 0) return;
  const tmp = tempName(bak);
  try {
    try {
      await link(target, tmp); // the old file itself, no copy: it stays at `target` until the rename
    } catch (e) {
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS', 'EXDEV', 'EACCES', 'EINVAL'].includes(errno(e) ?? '')) throw e;
      await copyFile(target, tmp); // FAT/exFAT and some network shares have no hard links
      await fsyncFile(tmp);
    }
    await renameOver(tmp, bak);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  // In case the rename found two links of one file after all (see above) and left `tmp` in place.
  await unlink(tmp).catch(() => undefined);
}

const locks = new Map<string, Promise<unknown>>();

/** Saves of one file in this process run one after another (and see no temporary file of ours in flight). */
function serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return next;
}

/**
 * Writes `data` to `path` safely (see the top of this file). Throws a SaveError naming the file and
 * the reason when it cannot; the file on disk is then exactly what it was before.
 */
export async function saveFile(path: string, data: Uint8Array | string, opts: SaveFileOptions = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const shown = basename(path);
  // Steward never writes an empty file on purpose: an empty buffer is a bug upstream, not a save.
  if (bytes.byteLength === 0) {
    const tail = 'nothing to write (0 bytes); the file on disk was left as it was';
    throw new SaveError(`cannot save ${shown}: ${tail}`, undefined, tail);
  }
  let target = resolve(path);
  try {
    // Write beside the real file, not over a symbolic link to it. Resolved synchronously so saves
    // take their turn (serialised below) in the order they were asked for, not the order in which
    // the file system happened to answer.
    target = realpathSync.native(target);
  } catch {
    // A new file (or a dangling link): written where it was asked for.
  }
  return serialised(target, async () => {
    let existing: Stats | null = null;
    try {
      existing = await stat(target);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw describe(e, shown);
    }
    if (existing?.isDirectory()) throw describe(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), shown);
    await removeStaleTemps(target);
    const tmp = tempName(target);
    try {
      const fh = await open(tmp, 'wx', 0o666);
      try {
        if (existing && process.platform !== 'win32') await fh.chmod(existing.mode & 0o7777);
        await fh.writeFile(bytes);
        await fh.sync();
        const written = (await fh.stat()).size;
        if (written !== bytes.byteLength) throw new Error(`wrote ${written} of ${bytes.byteLength} bytes`);
      } finally {
        await fh.close();
      }
      if (existing && opts.backup !== false) await keepBackup(target, existing);
      await renameOver(tmp, target);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e instanceof SaveError ? e : describe(e, shown);
    }
    await fsyncDir(dirname(target)).catch(() => undefined);
  });
}
