import type { TableKind } from '../../../models/schema/tables';
import { appStore } from '../../store';
import { tableLabel } from './table-label';

/** The tables a single finance/HR export usually holds, in the order a user thinks of them. */
const CHOICES: TableKind[] = ['budget', 'positions', 'enrollment', 'sites', 'funds', 'salary', 'studentNeeds', 'actuals', 'needs', 'drivers', 'scenarios'];

/** "Read as [Budget ▾]": overrides the guessed table and reads the file again. */
export function ReadAs({ current, busy }: { current: string | undefined; busy: boolean }) {
  return (
    <label className="read-as">
      Read as{' '}
      <select
        value={current ?? ''}
        disabled={busy}
        data-testid="read-as"
        onChange={(e) => void appStore.getState().reimportAs(e.target.value as TableKind)}
      >
        {current === undefined && <option value="">choose a table…</option>}
        {current !== undefined && !CHOICES.includes(current as TableKind) && <option value={current}>{tableLabel(current)}</option>}
        {CHOICES.map((k) => <option key={k} value={k}>{tableLabel(k)}</option>)}
      </select>
    </label>
  );
}
