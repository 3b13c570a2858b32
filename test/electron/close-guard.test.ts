import { describe, expect, it, vi } from 'vitest';
import { createCloseGuard, type CloseChoice } from '../../electron/close-guard';

// Closing with unsaved changes asks: Save (the renderer saves, then closes), Don't Save (the
// recovery file goes, the window closes), Cancel (nothing).

function setup(choice: CloseChoice) {
  const deps = {
    ask: vi.fn(async () => choice),
    send: vi.fn(),
    discardRecovery: vi.fn(async () => undefined),
    close: vi.fn(),
  };
  const guard = createCloseGuard(deps);
  deps.close.mockImplementation(() => guard.onClose({ preventDefault: () => { throw new Error('the real close was stopped'); } }));
  return { guard, deps };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('closing the window', () => {
  it('no unsaved changes: closes without asking', () => {
    const { guard, deps } = setup('cancel');
    const event = { preventDefault: vi.fn() };
    guard.setState({ name: 'district.steward', dirty: false });
    expect(guard.onClose(event)).toBe(true);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.ask).not.toHaveBeenCalled();
  });

  it('Save: stays open, tells the renderer to save and close; closes when the renderer says it saved', async () => {
    const { guard, deps } = setup('save');
    guard.setState({ name: 'district.steward', dirty: true });
    const event = { preventDefault: vi.fn() };
    expect(guard.onClose(event)).toBe(false);
    guard.onClose({ preventDefault: vi.fn() }); // a second click while the question is up asks nothing more
    await tick();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(deps.ask).toHaveBeenCalledTimes(1);
    expect(deps.ask).toHaveBeenCalledWith('district.steward');
    expect(deps.send).toHaveBeenCalledWith({ command: 'save-and-close' });
    expect(deps.close).not.toHaveBeenCalled();
    guard.closeNow();
    expect(deps.close).toHaveBeenCalledTimes(1);
    // macOS: a new window after the last one closed asks again when it has unsaved changes.
    guard.reset();
    guard.setState({ name: 'Untitled', dirty: true });
    expect(guard.onClose({ preventDefault: vi.fn() })).toBe(false);
  });

  it('Don\'t Save: the recovery file is discarded and the window closes', async () => {
    const { guard, deps } = setup('discard');
    guard.setState({ name: 'Untitled', dirty: true });
    guard.onClose({ preventDefault: vi.fn() });
    await tick();
    expect(deps.discardRecovery).toHaveBeenCalled();
    expect(deps.close).toHaveBeenCalledTimes(1);
    expect(deps.send).not.toHaveBeenCalled();
  });

  it('Cancel: nothing happens, and the next close asks again', async () => {
    const { guard, deps } = setup('cancel');
    guard.setState({ name: 'x', dirty: true });
    guard.onClose({ preventDefault: vi.fn() });
    await tick();
    guard.onClose({ preventDefault: vi.fn() });
    await tick();
    expect(deps.ask).toHaveBeenCalledTimes(2);
    expect(deps.close).not.toHaveBeenCalled();
    expect(deps.discardRecovery).not.toHaveBeenCalled();
  });
});
