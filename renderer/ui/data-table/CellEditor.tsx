import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

/** The input a cell is edited in: labelled with its column and row, its problem shown under it. */
export function CellEditor(props: {
  id: string;
  label: string;
  text: string;
  message: string | null;
  /** Announce the message (after a refused commit), not just show it (while typing). */
  alert: boolean;
  align: 'left' | 'right';
  onChange(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  onBlur(e: FocusEvent<HTMLInputElement>): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // The caret goes to the end, as in a spreadsheet (typing over a cell, or F2).
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const messageId = `${props.id}-message`;
  return (
    <>
      <input
        ref={ref}
        id={props.id}
        data-dt-editor="1"
        className={`dt-editor${props.align === 'right' ? ' dt-num' : ''}`}
        aria-label={props.label}
        aria-invalid={props.message !== null}
        aria-describedby={props.message !== null ? messageId : undefined}
        value={props.text}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        onBlur={props.onBlur}
      />
      {props.message !== null && (
        <div id={messageId} className="dt-message" role={props.alert ? 'alert' : undefined} data-testid="cell-message">{props.message}</div>
      )}
    </>
  );
}
