import { demoProject } from './models/demo/district';
import { checkProject } from './models/project/open';
import { gate } from './models/project/gate';
import { createIncrementalSummariser } from './models/project/summary-incremental';
import { createIncrementalValidator } from './models/project/validate-incremental';
import { applyEdit } from './models/project/edit';
import { ruleSetFor, ruleSetToRows } from './models/allocate/rule-rows';
import { allocate } from './models/allocate/allocate';
import { ruleSetChoices } from './models/allocate/choices';
const runAllocate = (p: any, r: string) => { ruleSetChoices(p); return allocate(p, { rules: r }); };
const validator = createIncrementalValidator();
const summariser = createIncrementalSummariser();
const check = (p: any) => { const g = gate(checkProject(p, 'demo', validator.validate), 'validate', 'demo'); return g.ok ? summariser.summarise(p) : null; };
let p: any = demoProject();
check(p);
const set = ruleSetFor(p, 'boston')!;
p = (applyEdit(p, { op: 'insert-rows', table: 'allocationRules', index: 0, rows: ruleSetToRows(set, 'boston-edited') }) as any).value;
p = (applyEdit(p, { op: 'set-allocate', config: { ...(p.allocate ?? {}), active_rules: 'boston-edited' } }) as any).value;
check(p); runAllocate(p, 'boston-edited');
const i = p.allocationRules.findIndex((r: any) => r.setting === 'need_weight' && r.key === 'students_with_disabilities');
const tc: number[] = [], ta: number[] = [];
for (let k = 0; k < 30; k++) {
  const row = { ...p.allocationRules[i], value: String(1.5 + (k % 7) / 10) };
  p = (applyEdit(p, { op: 'set-row', table: 'allocationRules', index: i, row }) as any).value;
  let t0 = performance.now(); check(p); tc.push(performance.now() - t0);
  t0 = performance.now(); runAllocate(p, 'boston-edited'); ta.push(performance.now() - t0);
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(1);
console.log('check', med(tc), 'allocate', med(ta));
