import { readFileSync } from 'node:fs';
import { readBytes } from '../../models/import/read/index';
import { importTable } from '../../models/import/table';
const bytes = new Uint8Array(readFileSync('/tmp/steward-bench/budget-100000-v1.csv'));
const g = readBytes(bytes, 'b.csv').grids;
for (let i = 0; i < 12; i++) { importTable(g, { kind: 'budget' }); }
