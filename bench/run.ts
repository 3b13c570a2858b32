import { cpus, loadavg } from 'node:os';
import { cases, type Figure } from './harness';

// Each area registers its cases in its own file; add new ones here.
const FILES = ['./cli.bench', './import.bench', './allocate.bench', './forecast.bench', './staffing.bench', './ui.bench', './ui-scenarios.bench'];

/** "2 cores, load 5.1 4.6 4.7": every figure is read against how busy the machine was. */
const machine = () => `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min)`;

function line(f: Figure): string {
  if (Number.isNaN(f.value)) return `${f.name.padEnd(64)} ${'—'.padStart(9)}      ${f.note ?? 'not measured'}`;
  const v = f.unit === 'x' ? f.value.toFixed(2) : f.unit === '%' ? f.value.toFixed(1) : f.value.toFixed(f.value < 10 ? 2 : 0);
  let s = `${f.name.padEnd(64)} ${v.padStart(9)} ${f.unit}`;
  if (f.baseline) s += `   ${f.baseline.name} ${f.baseline.value.toFixed(0)} ${f.unit} → ratio ${(f.value / f.baseline.value).toFixed(2)}x`;
  if (f.target) {
    const okMax = f.target.max === undefined || f.value <= f.target.max;
    const okMin = f.target.min === undefined || f.value >= f.target.min;
    s += `   target ${f.target.max !== undefined ? `≤ ${f.target.max}` : `≥ ${f.target.min}`} ${f.unit}: ${okMax && okMin ? 'met' : 'MISSED'}`;
  }
  if (f.note) s += `\n${' '.repeat(6)}${f.note}`;
  return s;
}

const only = process.argv[2];
let missed = 0;
for (const file of FILES) {
  try {
    await import(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(file.slice(2))) continue;
    throw e;
  }
}
console.log(`machine: ${machine()}`);
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  console.log(`\n# ${c.name}`);
  for (const f of await c.run()) {
    console.log(line(f));
    if (f.target && ((f.target.max !== undefined && f.value > f.target.max) || (f.target.min !== undefined && f.value < f.target.min))) missed++;
  }
}
console.log(`\nmachine at the end: ${machine()}`);
console.log(`${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
