import type { ResultMove } from '../../../models/history/result-diff';
import { fte, money } from '../../format';

/** A moved figure as the screen shows it: money in dollars and cents, FTE, measures to four significant digits. */
export function figure(unit: ResultMove['unit'], v: number | null): string {
  if (v === null) return '—';
  if (unit === 'cents') return money(v);
  if (unit === 'fte') return fte(v);
  return String(Number(v.toPrecision(4)));
}

/** A change with its sign ("+$1,200.00", "−0.0031"). */
export function signed(unit: ResultMove['unit'], v: number | null): string {
  if (v === null) return '—';
  const s = figure(unit, Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** An input value: numbers and text as they are, a record as JSON, nothing as a dash. */
export function inputValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** "2026-06-15 18:00 UTC": the date a snapshot was taken, the same on every machine. */
export function takenAt(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
