import type { Command } from './ipc-contract';

// Closing the window with unsaved changes asks first: Save, Don't Save or Cancel. The renderer
// tells the main process the project's name and whether it has unsaved changes ('window:state') as they
// change, so the main process can decide at once when the window is asked to close (the 'close'
// event cannot wait for a round trip to the renderer). No Electron import.

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  /** The native question, naming the project; resolves with the button chosen. */
  ask(name: string): Promise<CloseChoice>;
  /** Tells the renderer to save and then call 'window:close' (or stay open if the save was cancelled). */
  send(command: Command): void;
  /** The user chose not to keep the unsaved work: the recovery file goes too. */
  discardRecovery(): Promise<void>;
  /** Closes the window for real (the guard lets this close through). */
  close(): void;
}

export interface CloseGuard {
  setState(state: { name: string; dirty: boolean }): void;
  /** The window's 'close' event: prevented while there are unsaved changes and no answer yet. True when the close goes ahead. */
  onClose(event: { preventDefault(): void }): boolean;
  /** The renderer saved after "Save": close now. */
  closeNow(): void;
  /** A new window (macOS: the app stayed open after the last one closed): nothing unsaved, nothing allowed. */
  reset(): void;
  readonly dirty: boolean;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let dirty = false;
  let name = 'the project';
  let allowed = false;
  let asking = false;
  const closeNow = () => {
    allowed = true;
    deps.close();
  };
  return {
    get dirty() {
      return dirty;
    },
    setState(state) {
      dirty = state.dirty;
      name = state.name;
    },
    onClose(event) {
      if (allowed || !dirty) return true;
      event.preventDefault();
      if (asking) return false;
      asking = true;
      void deps.ask(name).then(async (choice) => {
        asking = false;
        if (choice === 'save') deps.send({ command: 'save-and-close' });
        else if (choice === 'discard') {
          await deps.discardRecovery().catch(() => undefined);
          closeNow();
        }
      }, () => {
        asking = false;
      });
      return false;
    },
    closeNow,
    reset() {
      dirty = false;
      allowed = false;
      asking = false;
    },
  };
}
