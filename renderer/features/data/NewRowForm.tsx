import { useState, type FormEvent } from 'react';
import { TABLES } from '../../../models/schema/tables';
import type { GridModel } from './grid-model';

/**
 * A new row, typed column by column: each value is read as the grid reads a cell, and the row is
 * added (one undoable step) only when every column reads and the row fits its table. Nothing is
 * filled in for the user except what they copy from the active row.
 */
export function NewRowForm({ model, copyFrom, onDone }: { model: GridModel; copyFrom: number | null; onDone(index: number | null): void }) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<Record<string, string>>({});
  const sheet = TABLES[model.table].sheet;
  const copy = () => {
    if (copyFrom === null) return;
    const row = model.rows[copyFrom]!;
    const next: Record<string, string> = {};
    for (const col of model.columns) next[col.key] = model.edit(col, row);
    setTexts(next);
    setMessages({});
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = model.add(texts);
    if (r.ok) onDone(r.index);
    else setMessages(r.messages);
  };
  return (
    <form className="new-row panel" aria-labelledby="new-row-title" onSubmit={submit} data-testid="new-row-form">
      <div className="new-row-head">
        <h2 id="new-row-title">New {sheet} row</h2>
        {copyFrom !== null && model.rows[copyFrom] && (
          <button type="button" className="button button-quiet" onClick={copy}>Copy values from row {model.rowNumber(copyFrom)}</button>
        )}
      </div>
      <div className="new-row-fields">
        {model.columns.map((col) => {
          const id = `new-${col.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          const message = messages[col.key];
          return (
            <div key={col.key} className="new-row-field">
              <label htmlFor={id}>{col.label}{col.required && <span aria-hidden="true" className="required-mark"> *</span>}</label>
              <input
                id={id}
                value={texts[col.key] ?? ''}
                aria-invalid={message !== undefined}
                aria-describedby={message !== undefined ? `${id}-message` : `${id}-doc`}
                aria-required={col.required}
                onChange={(e) => {
                  setTexts({ ...texts, [col.key]: e.target.value });
                  if (message !== undefined) setMessages(Object.fromEntries(Object.entries(messages).filter(([k]) => k !== col.key)));
                }}
                autoComplete="off"
                spellCheck={false}
              />
              {message !== undefined
                ? <span id={`${id}-message`} className="field-message" role="alert">{message}</span>
                : <span id={`${id}-doc`} className="field-doc">{col.doc}</span>}
            </div>
          );
        })}
      </div>
      <div className="new-row-actions">
        <button type="submit" className="button button-primary">Add the row</button>
        <button type="button" className="button" onClick={() => onDone(null)}>Cancel</button>
        <span className="muted small">* required</span>
      </div>
    </form>
  );
}
