import { z } from 'zod';

// The window's size and place, remembered between runs in userData/window-state.json. The file is
// read as untrusted (it may be hand-edited, truncated or from another machine's screens): validated,
// and placed back only where it is visible on a display that exists now. No Electron import.

export interface Rect { x: number; y: number; width: number; height: number }

const int = z.number().int().min(-100_000).max(100_000);
export const WindowStateSchema = z.object({
  x: int,
  y: int,
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(150).max(20_000),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_SIZE = { width: 1280, height: 860 };
/** At least this much of the window's title bar must be on a display to put it back where it was. */
const VISIBLE = { width: 120, height: 40 };

/** The saved text → a state, or null for anything missing, malformed or out of range. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (typeof text !== 'string' || text.length > 10_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = WindowStateSchema.safeParse(json);
  return r.success ? r.data : null;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window: the saved bounds when their top strip is visible on one of today's
 * displays (work areas), shrunk to fit that display; otherwise the default size, centred by the OS
 * (no x/y). Maximized and full-screen are restored on top of the normal bounds.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean; fullScreen: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: false, fullScreen: false };
  if (!saved) return fallback;
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE.height };
  const area = workAreas.find((a) => {
    const o = overlap(titleStrip, a);
    return o.width >= Math.min(VISIBLE.width, saved.width) && o.height >= VISIBLE.height;
  });
  if (!area) {
    // Saved on a display that is gone: its size (as far as the largest display allows), centred.
    const largest = workAreas.reduce<Rect | null>((m, a) => (m && m.width * m.height >= a.width * a.height ? m : a), null);
    const bounds = { width: Math.min(saved.width, largest?.width ?? saved.width), height: Math.min(saved.height, largest?.height ?? saved.height) };
    return { bounds, maximized: saved.maximized, fullScreen: saved.fullScreen };
  }
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}

/** What to remember of a window: its normal (restored) bounds and whether it is maximized or full screen. */
export function captureWindowState(win: { getNormalBounds(): Rect; isMaximized(): boolean; isFullScreen(): boolean }): WindowState {
  const b = win.getNormalBounds();
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}
