import type { WizardField } from '../../../../models/import/wizard';
import { count, money } from '../../../format';

/** A parsed value as the preview shows it: money in dollars, counts by category, lists joined. */
export function formatValue(value: unknown, field: WizardField | undefined): string {
  if (value === undefined || value === null) return '';
  if (field?.kind === 'money' && typeof value === 'number') return money(value);
  // Years, steps and codes are labels, not quantities: no thousands separator.
  if (typeof value === 'number' && (field?.kind === 'year' || field?.kind === 'id' || field?.name === 'step')) return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? count(value) : value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null ? Object.entries(v).map(([k, x]) => `${k} ${String(x)}`).join(' ') : String(v))).join('; ');
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ${typeof v === 'number' ? count(v) : String(v)}`).join(' · ');
  return String(value);
}

/** How a mapping was decided, in words. */
export const VIA: Record<string, string> = {
  exact: 'exact name', synonym: 'known name', shape: 'from the values', user: 'your choice',
  template: 'saved mapping', set: 'your value for every row', title: 'from the title rows', missing: 'not found',
};
