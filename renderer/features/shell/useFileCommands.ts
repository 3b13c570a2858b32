import { useEffect } from 'react';
import { appHost, appStore } from '../../store';

const editable = (el: Element | null) => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);

/**
 * The window's side of the file commands: the native menu's commands (desktop), with Undo and Redo
 * given to a text field when one has the focus; unsaved changes kept for recovery at once when the
 * page is hidden or left; and the start (recovery offer, the launched file, else the demo).
 */
export function useFileCommands(): void {
  useEffect(() => {
    const off = appHost.onCommand((command) => {
      if ((command.command === 'undo' || command.command === 'redo') && editable(document.activeElement)) {
        // The field's own undo stack (execCommand is the only way to reach it).
        document.execCommand(command.command);
        return;
      }
      void appStore.getState().runCommand(command);
    });
    const keep = () => {
      if (document.visibilityState === 'hidden') void appStore.getState().keepForRecovery();
    };
    const leave = () => void appStore.getState().keepForRecovery();
    document.addEventListener('visibilitychange', keep);
    window.addEventListener('pagehide', leave);
    void appStore.getState().startup();
    return () => {
      off();
      document.removeEventListener('visibilitychange', keep);
      window.removeEventListener('pagehide', leave);
    };
  }, []);
}
