import { useState } from 'react';
import type { Edit } from '../../../models/project/edit';
import { ROUNDINGS, type StaffingRule } from '../../../models/staffing/tables';
import type { StaffingView } from '../../engine/ops/staffing';
import { appStore } from '../../store';
import { TableScroll } from '../../ui/TableScroll';
import { roleName } from './rule-text';

type NumberField = 'ratio' | 'ratio_high_poverty' | 'minimum_fte' | 'increment';

/** A number as typed ("1,250", "0.5"), or undefined when blank; NaN when it is not a number. */
function typed(text: string): number | undefined {
  const t = text.replace(/,/g, '').trim();
  return t === '' ? undefined : Number(t);
}

/**
 * The staffing rules, editable: ratios, high-poverty ratios, minimum FTE, rounding and its step.
 * Each change is one undoable edit of the StaffingRules sheet (a preset's rules are copied in whole
 * on the first change), and every figure on the screen is computed again for the new version.
 */
export function RulesEditor({ view }: { view: StaffingView }) {
  const [error, setError] = useState<string | null>(null);
  const rules = view.rules;
  const commit = (index: number, change: Partial<StaffingRule>, what: string) => {
    const row = { ...rules[index]!, ...change };
    const edit: Edit = view.ownRules
      ? { op: 'set-row', table: 'staffingRules', index, row }
      : { op: 'replace-table', table: 'staffingRules', rows: rules.map((r, i) => (i === index ? row : r)) };
    const r = appStore.getState().edit(edit, `edit staffing rule ${index + 1} (${roleName(row.role)} ${what})`);
    setError(r.ok ? null : r.reason);
  };
  const onNumber = (index: number, field: NumberField, text: string) => {
    const v = typed(text);
    const rule = rules[index]!;
    if (v === rule[field]) return;
    const optional = field === 'ratio' || field === 'ratio_high_poverty';
    const label = FIELD_LABEL[field];
    if (v === undefined && !optional) return setError(`Rule ${index + 1} (${roleName(rule.role)}): ${label} cannot be blank.`);
    if (v !== undefined && (!Number.isFinite(v) || v < 0 || (v === 0 && field !== 'minimum_fte'))) return setError(`Rule ${index + 1} (${roleName(rule.role)}): ${label} must be a number above 0${field === 'minimum_fte' ? ' or 0' : ''} — “${text}” is not.`);
    commit(index, { [field]: v }, `${label} ${text}`);
  };
  const numberInput = (index: number, field: NumberField, enabled: boolean) => {
    const rule = rules[index]!;
    const value = rule[field];
    if (!enabled) return <span className="muted">—</span>;
    return (
      <input
        key={`${index}-${field}-${value ?? ''}`}
        className="rule-input" inputMode="decimal" defaultValue={value === undefined ? '' : String(value)}
        aria-label={`${FIELD_LABEL[field]}, rule ${index + 1} (${roleName(rule.role)})`}
        data-testid={`rule-${field}-${index}`}
        onBlur={(e) => onNumber(index, field, e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
      />
    );
  };
  return (
    <div className="panel" data-testid="rules-editor">
      <h2>Staffing rules <span className="muted">{view.ownRules ? 'the StaffingRules sheet' : `preset ${view.report.preset ?? ''}: a change copies the rules into the project`}; each change can be undone</span></h2>
      {error && <p className="banner banner-error" role="alert" data-testid="rules-error">{error}</p>}
      <TableScroll label="Staffing rules">
        <table className="table table-compact rules-table">
          <caption className="sr-only">Staffing rules</caption>
          <thead>
            <tr><th>#</th><th>Role</th><th>Level</th><th>Grades</th><th>Basis</th><th>Students per FTE</th><th>High-poverty ratio</th><th>Minimum FTE</th><th>Rounding</th><th>Step</th></tr>
          </thead>
          <tbody>
            {rules.map((r, i) => {
              const ratioed = r.basis === 'students' || r.basis === 'grade' || r.basis === 'subgroup';
              return (
                <tr key={i} data-rule={i} data-role={r.role}>
                  <td className="num">{i + 1}</td>
                  <td className="nowrap">{roleName(r.role)}</td>
                  <td>{r.level}</td>
                  <td>{r.grades.length > 0 ? r.grades.join(', ') : 'all'}</td>
                  <td>{r.basis === 'subgroup' ? `${r.basis}: ${roleName(r.subgroup ?? '')}` : r.basis}</td>
                  <td>{numberInput(i, 'ratio', ratioed)}</td>
                  <td>{numberInput(i, 'ratio_high_poverty', ratioed)}</td>
                  <td>{numberInput(i, 'minimum_fte', true)}</td>
                  <td>
                    <select value={r.rounding} aria-label={`Rounding, rule ${i + 1} (${roleName(r.role)})`} data-testid={`rule-rounding-${i}`}
                      onChange={(e) => commit(i, { rounding: e.target.value as StaffingRule['rounding'] }, `rounding ${e.target.value}`)}>
                      {ROUNDINGS.map((x) => <option key={x} value={x}>{x}</option>)}
                    </select>
                  </td>
                  <td>{numberInput(i, 'increment', true)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">Elementary class-size maximums are the grade rules’ students per FTE; secondary caps are the schedule’s (Schedules tab).</p>
    </div>
  );
}

const FIELD_LABEL: Record<NumberField, string> = { ratio: 'Students per FTE', ratio_high_poverty: 'High-poverty ratio', minimum_fte: 'Minimum FTE', increment: 'Rounding step' };
