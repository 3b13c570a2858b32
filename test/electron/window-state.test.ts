import { describe, expect, it } from 'vitest';
import { captureWindowState, DEFAULT_SIZE, parseWindowState, placeWindow } from '../../electron/window-state';

// The window's size and place between runs: validated on read, put back only where it is visible.

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('reads what captureWindowState wrote', () => {
    const s = captureWindowState({ getNormalBounds: () => ({ x: 100.4, y: 50, width: 1200, height: 800 }), isMaximized: () => true, isFullScreen: () => false });
    expect(parseWindowState(JSON.stringify(s))).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true, fullScreen: false });
  });

  it.each([
    ['nothing', null],
    ['empty', ''],
    ['truncated', '{"x": 10, "y": 2'],
    ['not an object', '[1,2,3]'],
    ['a string width', '{"x":0,"y":0,"width":"1200","height":800}'],
    ['a negative size', '{"x":0,"y":0,"width":-5,"height":800}'],
    ['a huge size', '{"x":0,"y":0,"width":1e9,"height":800}'],
    ['NaN as null', '{"x":null,"y":0,"width":1200,"height":800}'],
    ['fractions', '{"x":0.5,"y":0,"width":1200,"height":800}'],
    ['far away', '{"x":1e7,"y":0,"width":1200,"height":800}'],
    ['a huge file', ' '.repeat(20_000)],
  ])('refuses %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('fills the flags in when an older file has none, and ignores unknown keys', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":1000,"height":700,"zoom":3}')).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false, fullScreen: false });
  });
});

describe('placeWindow', () => {
  it('the default size, centred by the OS, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false, fullScreen: false });
  });

  it('puts the window back where it was when that is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false, fullScreen: false };
    expect(placeWindow(saved, [laptop, rightMonitor]).bounds).toEqual({ x: 1600, y: 100, width: 1400, height: 900 });
  });

  it('the monitor it was on is gone: the same size (as far as the screen allows), centred', () => {
    const saved = { x: 1600, y: 100, width: 1600, height: 1000, maximized: true, fullScreen: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { width: 1440, height: 875 }, maximized: true, fullScreen: false });
  });

  it('only its title bar off the top or mostly off the side: moved fully onto the display, shrunk to fit', () => {
    expect(placeWindow({ x: 1300, y: 20, width: 1400, height: 2000, maximized: false, fullScreen: false }, [laptop]).bounds).toEqual({ x: 40, y: 0, width: 1400, height: 875 });
    // The title bar above the top of the screen (out of reach): the saved size, centred by the OS.
    expect(placeWindow({ x: 10, y: -30, width: 1000, height: 700, maximized: false, fullScreen: false }, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('no displays reported: the saved size, centred', () => {
    expect(placeWindow({ x: 0, y: 0, width: 1000, height: 700, maximized: false, fullScreen: true }, [])).toEqual({ bounds: { width: 1000, height: 700 }, maximized: false, fullScreen: true });
  });
});
