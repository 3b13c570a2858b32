import { useEffect, useState } from 'react';
import type { FieldMapping } from '../../../../models/import/types';
import type { WizardChoices, WizardField, WizardPlan } from '../../../../models/import/wizard';
import { appStore } from '../../../store';
import { VIA } from './values';
import { TableScroll } from '../../../ui/TableScroll';

const AUTO = '\u0000auto';

/** A value for every row (--set): typed, then applied on Enter or when the field is left. */
function ValueInput({ field, value, busy, label }: { field: WizardField; value: string; busy: boolean; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) void appStore.getState().setFieldValue(field.name, text.trim() === '' ? null : text);
  };
  return (
    <input
      type="text" value={text} disabled={busy} aria-label={label} data-testid={`set-${field.name}`}
      placeholder={field.example ? `e.g. ${field.example}` : 'value for every row'}
      onChange={(e) => setText(e.target.value)} onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

function Confidence({ m }: { m: FieldMapping }) {
  if (m.via === 'missing') return <span className="muted">—</span>;
  const pct = Math.round(m.confidence * 100);
  return (
    <span className="confidence" title={`${pct}% sure`}>
      <span className="confidence-bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></span>
      {pct}%
    </span>
  );
}

/** One field: the column that gives it (suggested, with samples), or a value for every row. */
function FieldRow({ field, m, plan, choices, busy }: { field: WizardField; m: FieldMapping; plan: WizardPlan; choices: WizardChoices; busy: boolean }) {
  const chosen = Object.hasOwn(choices.map, field.name);
  const setByUser = Object.hasOwn(choices.set, field.name);
  const spread = field.kind === 'need_counts' || field.kind === 'year_values';
  const missing = m.via === 'missing' && field.required && !spread;
  const current = m.index !== null ? String(m.index) : '';
  const onColumn = (v: string) => {
    if (v === AUTO) void appStore.getState().mapField(field.name, null);
    else if (v === '') void appStore.getState().mapField(field.name, '');
    else void appStore.getState().mapField(field.name, plan.headers[Number(v)] ?? '');
  };
  const fieldLabel = `${field.name}${field.required ? ' (required)' : ''}`;
  return (
    <tr className={missing ? 'mapping-missing' : undefined} data-testid={`mapping-${field.name}`}>
      <th scope="row">
        <span className="field-name">{field.name}</span>{field.required && <span className="required-mark" aria-label="required">*</span>}
        <span className="field-doc">{field.doc}</span>
      </th>
      <td>
        {spread ? (
          <span className="muted">{m.via === 'missing' ? 'no columns found' : 'several columns (see the note below)'}</span>
        ) : (
          <select value={current} disabled={busy} aria-label={`Column for ${fieldLabel}`} data-testid={`map-${field.name}`} onChange={(e) => onColumn(e.target.value)}>
            {(chosen || setByUser) && <option value={AUTO}>↺ the suggestion</option>}
            <option value="">— no column —</option>
            {plan.headers.map((h, c) => (h === '' ? null : (
              <option key={c} value={String(c)}>{h}{plan.columnSamples[c]?.length ? ` — e.g. ${plan.columnSamples[c]!.slice(0, 2).join(', ')}` : ''}</option>
            )))}
          </select>
        )}
      </td>
      <td>
        {!spread && m.index === null && (
          <ValueInput field={field} value={m.via === 'set' || m.via === 'title' ? m.value ?? '' : ''} busy={busy} label={`Value for every row: ${fieldLabel}`} />
        )}
      </td>
      <td>{VIA[m.via] ?? m.via}{m.via === 'title' && <span className="muted"> (“{m.value}”)</span>}</td>
      <td className="num"><Confidence m={m} /></td>
    </tr>
  );
}

/** Step 4: which column gives each field, how sure the match is; values the file lacks are asked for. */
export function StepColumns({ plan, choices, busy }: { plan: WizardPlan; choices: WizardChoices; busy: boolean }) {
  const byField = new Map(plan.mapping.map((m) => [m.field, m]));
  const needed = plan.fields.filter((f) => f.required && f.kind !== 'need_counts' && f.kind !== 'year_values' && byField.get(f.name)?.via === 'missing');
  const offered = plan.matchingTemplates.filter((n) => n !== choices.template?.name);
  const sheetNotes = plan.report.warnings.filter((w) => plan.sheets.some((s) => w.startsWith(`${s}: `)));
  return (
    <>
      {choices.template && (
        <div className="banner banner-info" data-testid="template-in-use">
          <p>Using your saved mapping <strong>“{choices.template.name}”</strong>.
            <button type="button" className="button" disabled={busy} onClick={() => void appStore.getState().applyTemplate(null)}>Stop using it</button></p>
        </div>
      )}
      {offered.length > 0 && (
        <div className="banner banner-info" data-testid="template-offer">
          {offered.map((name) => (
            <p key={name}>Your saved mapping <strong>“{name}”</strong> fits these columns.
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void appStore.getState().applyTemplate(name)}>Use “{name}”</button></p>
          ))}
        </div>
      )}
      {needed.length > 0 && (
        <div className="banner banner-warn" role="note" data-testid="fields-needed">
          <p>
            <strong>Needed:</strong> {needed.map((f) => f.name).join(', ')} — no column gives {needed.length === 1 ? 'it' : 'them'}. Choose the column, or type a value for every row
            (as <code>--set {needed.map((f) => `${f.name}=…`).join(',')}</code> does). Until then every row is rejected.
          </p>
        </div>
      )}
      <TableScroll label="Column mapping">
        <table className="table table-compact mapping-table" data-testid="mapping-table">
          <caption className="sr-only">Which column of the file gives each field</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Column in the file</th><th scope="col">Or a value for every row</th><th scope="col">How</th><th scope="col" className="num">Confidence</th></tr></thead>
          <tbody>
            {plan.fields.map((f) => {
              const m = byField.get(f.name);
              return m ? <FieldRow key={f.name} field={f} m={m} plan={plan} choices={choices} busy={busy} /> : null;
            })}
          </tbody>
        </table>
      </TableScroll>
      {sheetNotes.length > 0 && <ul className="plain-list small">{sheetNotes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {plan.report.unknownColumns.length > 0 && <p className="muted small" data-testid="unused-columns">Columns not used: {plan.report.unknownColumns.join(', ')}</p>}
    </>
  );
}
