import { useEffect } from 'react';
import { appHost, appStore } from '../../store';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y), save (Ctrl+S), save as (Ctrl+Shift+S), open (Ctrl+O),
 * new (Ctrl+N is the browser's own new window: not taken); ⌘ on a Mac. On the desktop the native
 * menu owns these keys (its commands arrive through the host), so the page takes only the redo key
 * the menu does not show (Ctrl+Shift+Z on Windows and Linux), and nothing runs twice.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      // Inside a text field, undo is the field's own (the grid commits edits on Enter).
      const t = e.target as HTMLElement | null;
      const typing = t !== null && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      const s = appStore.getState();
      const k = e.key.toLowerCase();
      if (appHost.nativeMenu) {
        if (k === 'z' && e.shiftKey && !isMac() && !typing) { e.preventDefault(); s.redo(); }
        return;
      }
      if (k === 'z' && !typing) { e.preventDefault(); if (e.shiftKey) s.redo(); else s.undo(); }
      else if (k === 'y' && !typing) { e.preventDefault(); s.redo(); }
      else if (k === 's') { e.preventDefault(); void s.save({ saveAs: e.shiftKey }); }
      else if (k === 'o') { e.preventDefault(); void s.openFile(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
