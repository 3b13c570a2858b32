/**
 * Builds row objects with a fixed set of properties. A generated object literal is about twice as
 * fast as adding properties one by one under varying keys (V8 then sees one shape instead of a
 * megamorphic store), which matters at 100,000 rows. Where code generation is not allowed (a
 * renderer under a strict Content-Security-Policy) it falls back to plain property stores.
 * Property names come from the table schema, never from the file, so no user text reaches code.
 */
export type RowBuilder = (values: readonly unknown[], src: unknown) => Record<string, unknown>;

export function rowBuilder(names: readonly string[]): RowBuilder {
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new Error(`not a field name: ${n}`);
  }
  try {
    const body = `return {${names.map((n, i) => `${n}: v[${i}]`).join(', ')}${names.length > 0 ? ', ' : ''}src: s};`;
    const fn = new Function('v', 's', body) as RowBuilder;
    fn([], null);
    return fn;
  } catch {
    return (values, src) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = values[i];
      o.src = src;
      return o;
    };
  }
}

/** One column of the compiled row reader. */
export interface FastColumn {
  name: string;
  /** Cell index in the row, or -1 when read from the fill-down buffer. */
  index: number;
  /** Position in the fill-down buffer, or -1. */
  fillPos: number;
  optional: boolean;
  hasDefault: boolean;
}

/**
 * A row reader compiled for one sheet's mapping: converts every mapped cell with its column's
 * converter (each call site sees one converter, so V8 can inline it) and returns the finished row
 * object, or null as soon as any cell is bad or a required cell is blank — the caller then reads
 * that row again the careful way to report each problem. Null when code generation is not allowed.
 */
export type FastRowReader = (row: readonly unknown[], filled: readonly unknown[], rowNo: number) => Record<string, unknown> | null;

const factories = new Map<string, (...a: unknown[]) => FastRowReader>();

export function fastRowReader(
  columns: readonly FastColumn[],
  converters: readonly ((raw: never) => unknown)[],
  defaults: readonly ((() => unknown) | null)[],
  constants: readonly { name: string; value: unknown }[],
  extraDefaults: readonly { name: string; make: () => unknown }[],
  badClass: abstract new (...args: never[]) => unknown,
  file: string,
  sheet: string,
): FastRowReader | null {
  const names = [...columns.map((c) => c.name), ...constants.map((c) => c.name), ...extraDefaults.map((d) => d.name)];
  for (const n of names) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) return null;
  const lines: string[] = [];
  columns.forEach((c, i) => lines.push(`const c${i} = convs[${i}];`, c.hasDefault ? `const d${i} = defs[${i}];` : ''));
  constants.forEach((_, j) => lines.push(`const k${j} = consts[${j}].value;`));
  extraDefaults.forEach((_, j) => lines.push(`const e${j} = extras[${j}].make;`));
  lines.push('return function fastRow(row, filled, rowNo) {');
  columns.forEach((c, i) => {
    const raw = c.fillPos >= 0 ? `filled[${c.fillPos}]` : `row[${c.index}]`;
    lines.push(`  let v${i} = c${i}(${raw} ?? null);`);
    lines.push(`  if (v${i} === undefined) { ${c.optional ? (c.hasDefault ? `v${i} = d${i}();` : '') : 'return null;'} } else if (typeof v${i} === 'object' && v${i} instanceof Bad) return null;`);
  });
  const props = [
    ...columns.map((c, i) => `${c.name}: v${i}`),
    ...constants.map((k, j) => `${k.name}: ${Array.isArray(k.value) ? `k${j}.slice()` : `k${j}`}`),
    ...extraDefaults.map((d, j) => `${d.name}: e${j}()`),
    'src: { file, sheet, row: rowNo }',
  ];
  lines.push(`  return { ${props.join(', ')} };`, '};');
  try {
    const source = lines.join('\n');
    // One factory per distinct source: every reader it makes shares V8's type feedback and
    // optimised code, so the next import of the same shape starts fast instead of cold.
    let make = factories.get(source);
    if (make === undefined) {
      make = new Function('Bad', 'convs', 'defs', 'consts', 'extras', 'file', 'sheet', source) as (...a: unknown[]) => FastRowReader;
      if (factories.size >= 64) factories.clear();
      factories.set(source, make);
    }
    return make(badClass, converters, defaults, constants, extraDefaults, file, sheet);
  } catch {
    return null;
  }
}
