import { cases, type Figure } from './harness';

// Each area registers its cases in its own file; add new ones here.
const FILES = ['./import.bench', './allocate.bench', './forecast.bench', './staffing.bench'];

function line(f: Figure): string {
  const v = f.unit === 'x' ? f.value.toFixed(2) : f.value.toFixed(f.value < 10 ? 2 : 0);
  let s = `${f.name.padEnd(64)} ${v.padStart(9)} ${f.unit}`;
  if (f.baseline) s += `   ${f.baseline.name} ${f.baseline.value.toFixed(0)} ${f.unit} → ratio ${(f.value / f.baseline.value).toFixed(2)}x`;
  if (f.target) {
    const okMax = f.target.max === undefined || f.value <= f.target.max;
    const okMin = f.target.min === undefined || f.value >= f.target.min;
    s += `   target ${f.target.max !== undefined ? `≤ ${f.target.max}` : `≥ ${f.target.min}`} ${f.unit}: ${okMax && okMin ? 'met' : 'MISSED'}`;
  }
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
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  console.log(`\n# ${c.name}`);
  for (const f of await c.run()) {
    console.log(line(f));
    if (f.target && ((f.target.max !== undefined && f.value > f.target.max) || (f.target.min !== undefined && f.value < f.target.min))) missed++;
  }
}
console.log(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
