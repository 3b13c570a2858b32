// The budget every formula is held to, so that no formula (a project file may come from anyone)
// can hang the app or fill its memory: parsing stops at the first limit crossed, and evaluating a
// compiled formula visits each part once (no loops, no ranges, no matrices), so its cost is
// bounded by `nodes`.

export const LIMITS = {
  /** Characters in the formula text (allocation's custom terms keep their own, lower, 400). */
  length: 500,
  /** Levels of nesting: parentheses, function calls, ?: branches, signs, `not` and powers each add one. */
  depth: 32,
  /** Numbers, names, operators and calls in one formula. */
  nodes: 256,
  /** Arguments in one function call (min and max take any number up to this). */
  args: 32,
} as const;
