// The what-if sliders' positions (Scenarios screen): not part of the project, but a move is an
// undoable step like an edit — it goes on the same history, holding the project version as it is.

export interface WhatIf {
  /** The scenario the sliders move. */
  scenario: string;
  /** Driver → the value held every projected year. */
  moved: Record<string, number>;
}

/** Moves of one slider this close together are one step (a drag sends an input event per pixel). */
export const COALESCE_MS = 800;

/** The key a move coalesces on: the same scenario and slider. */
export const moveKey = (w: WhatIf | null, driver: string | null) => (w && driver ? `${w.scenario}\u0000${driver}` : null);
