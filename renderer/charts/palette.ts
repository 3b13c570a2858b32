/** Colours shared by charts and the CSS tags: general (unrestricted) money vs restricted grants. */
export const PALETTE = {
  general: '#2f5d8a',
  restricted: '#2e8b7a',
  unclassified: '#b7791f',
  grid: '#e5e7eb',
} as const;
