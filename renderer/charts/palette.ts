/**
 * Colours shared by charts and the CSS tags: general (unrestricted) money vs restricted grants.
 * The same values as styles.css's --accent, --restricted and --warn (test/renderer/palette.test.ts
 * checks), so a bar and its tag in the table beside it are the same colour.
 */
export const PALETTE = {
  general: '#2f5d8a',
  restricted: '#1f7263',
  unclassified: '#8a5a10',
  grid: '#e5e7eb',
} as const;

/** One colour per series (scenario, object class, role), each at least 3:1 on white (non-text contrast). */
export const SERIES = ['#2f5d8a', '#b42318', '#1f7263', '#8a5a10', '#6b3fa0', '#0e7490', '#9d174d', '#4d7c0f', '#374151', '#c2410c', '#1d4ed8', '#7c2d12'] as const;

export const seriesColour = (i: number): string => SERIES[i % SERIES.length]!;

/** The reserve-policy line on every chart that draws one. */
export const POLICY_LINE = '#b42318';
