import { appStore, useApp } from '../../store';
import type { ImportChoices as Choices } from '../../store/import-slice';

/**
 * How the file is read: fill down keys shown once per group (default on; the CLI's --no-fill-down
 * turns it off) and strict (reject rows with a blank object instead of keeping them as
 * "unclassified"; the CLI's --strict). Changing either reads the file again.
 */
export function ImportChoices({ busy }: { busy: boolean }) {
  const choices = useApp((s) => s.importChoices);
  const set = (change: Partial<Choices>) => void appStore.getState().setImportChoices(change);
  return (
    <div className="import-choices" role="group" aria-label="Import options">
      <label title="Where the sheet prints a key once per group (report layout with subtotal rows, merged cells or show-once runs), blanks below it take that key. Each fill is listed.">
        <input type="checkbox" data-testid="opt-fill-down" checked={choices.fillDown} disabled={busy} onChange={(e) => set({ fillDown: e.target.checked })} />
        {' '}Fill down keys shown once per group
      </label>
      <label title="Budget and Actuals rows with a valid amount and a blank object are kept as &quot;unclassified&quot; and listed, so the totals tie to the file. Tick to reject them instead.">
        <input type="checkbox" data-testid="opt-strict" checked={choices.strict} disabled={busy} onChange={(e) => set({ strict: e.target.checked })} />
        {' '}Reject rows with a blank object (strict)
      </label>
    </div>
  );
}
