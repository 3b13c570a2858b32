import { z } from 'zod';

// File → Open Recent: the last files and folders opened or saved, newest first, kept by the main
// process in userData/recent.json (paths never go to the renderer: it sees names and tokens). The
// file is validated on read; anything malformed is an empty list. No Electron import.

export const MAX_RECENT = 10;

const EntrySchema = z.object({ path: z.string().min(1).max(4096), kind: z.enum(['file', 'folder']) });
export type RecentEntry = z.infer<typeof EntrySchema>;
const FileSchema = z.object({ version: z.literal(1), recent: z.array(z.unknown()).max(100) });

/** recent.json → entries (bad entries dropped, duplicates removed, at most MAX_RECENT). */
export function parseRecent(text: string | null | undefined): RecentEntry[] {
  if (typeof text !== 'string' || text.length > 1_000_000) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const file = FileSchema.safeParse(json);
  if (!file.success) return [];
  const out: RecentEntry[] = [];
  for (const item of file.data.recent) {
    const e = EntrySchema.safeParse(item);
    if (e.success && !out.some((o) => o.path === e.data.path)) out.push(e.data);
  }
  return out.slice(0, MAX_RECENT);
}

export function serialiseRecent(entries: readonly RecentEntry[]): string {
  return JSON.stringify({ version: 1, recent: entries }, null, 2) + '\n';
}

/** The list, changed in memory and handed to `persist` (host/save-file.ts in the app) after each change. */
export class RecentFiles {
  private entries: RecentEntry[];
  constructor(initial: readonly RecentEntry[], private readonly persist: (text: string) => Promise<void>, private readonly onChange: () => void = () => undefined) {
    this.entries = initial.slice(0, MAX_RECENT);
  }
  list(): readonly RecentEntry[] {
    return this.entries;
  }
  add(path: string, kind: RecentEntry['kind']): Promise<void> {
    this.entries = [{ path, kind }, ...this.entries.filter((e) => e.path !== path)].slice(0, MAX_RECENT);
    return this.changed();
  }
  remove(path: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.path !== path);
    return this.changed();
  }
  clear(): Promise<void> {
    this.entries = [];
    return this.changed();
  }
  private changed(): Promise<void> {
    try {
      this.onChange(); // the menu and the window follow; a failure there must not lose the list
    } catch {
      // ignored
    }
    return this.persist(serialiseRecent(this.entries));
  }
}
