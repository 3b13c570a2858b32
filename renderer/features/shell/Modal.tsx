import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> (focus moves in and stays, the page behind is inert,
 * screen readers announce it); the control marked data-autofocus gets the focus. Escape calls `onEscape` — or does nothing, for a question that must
 * be answered (the restore offer: unsaved work is never discarded by a stray key).
 */
export function Modal({ labelledBy, describedBy, onEscape, role = 'dialog', testId, children }: {
  labelledBy: string; describedBy?: string; onEscape?: () => void; role?: 'dialog' | 'alertdialog'; testId?: string; children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first control; the dialog's own choice (data-autofocus) goes first.
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onEscape?.();
      }}
    >
      {children}
    </dialog>
  );
}
