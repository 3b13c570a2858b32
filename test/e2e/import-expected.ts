// What the import scenario (scenarios/30-import.mjs) expects on the Overview, computed in Node:
// the demo district's base-year budget before and after adding the cents `steward import --json`
// reported, formatted with the renderer's own formatter. Usage: tsx import-expected.ts CENTS
import { demoProject } from '../../models/demo/district';
import { dollars } from '../../renderer/format';

const added = Number(process.argv[2]);
if (!Number.isInteger(added)) throw new Error(`expected the imported amount in cents, got ${process.argv[2]}`);
const p = demoProject();
const before = p.budget.filter((b) => b.fiscal_year === p.settings.base_year).reduce((a, b) => a + b.amount, 0);
process.stdout.write(JSON.stringify({ baseYear: p.settings.base_year, beforeCents: before, before: dollars(before), after: dollars(before + added) }));
