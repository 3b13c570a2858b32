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
