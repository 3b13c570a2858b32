import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readBytes } from '../../models/import/read/index';
import { importTable } from '../../models/import/table';
const bytes = new Uint8Array(readFileSync('/tmp/steward-bench/budget-100000-v1.csv'));
const text = readFileSync('/tmp/steward-bench/budget-100000-v1.csv', 'utf8');
const P: number[] = [], R: number[] = [], F: number[] = [];
const time = (f: () => unknown) => { const a = performance.now(); f(); return performance.now() - a; };
for (let k = 0; k < 9; k++) {
  P.push(time(() => Papa.parse(text)));
  R.push(time(() => readBytes(bytes, 'b.csv')));
  F.push(time(() => importTable(readBytes(bytes, 'b.csv').grids, { kind: 'budget' })));
}
const med = (x: number[]) => x.slice(1).sort((a, b) => a - b)[4]!;
console.log(`papa ${med(P).toFixed(0)} read ${med(R).toFixed(0)} full ${med(F).toFixed(0)} ratio ${(med(F) / med(P)).toFixed(2)}`);
