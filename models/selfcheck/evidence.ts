/** Small helpers for evidence sentences. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const usd = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;
export const list = (names: readonly string[], max = 4) => (names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`);
export const fixed = (x: number, d = 2) => x.toFixed(d);
