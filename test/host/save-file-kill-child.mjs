// A Steward process saving a large project over and over, to be killed at a random moment by
// save-file.kill.test.ts. Plain Node (no tsx): it imports the save routine bundled by the test.
// argv: <bundled save-file.mjs> <target> <first source index> <saves> <source files…>
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [bundle, target, first, count, ...sources] = process.argv.slice(2);
const { saveFile } = await import(pathToFileURL(bundle).href);
const bodies = sources.map((s) => readFileSync(s));
process.stdout.write('ready\n');
for (let k = 0; k < Number(count); k++) {
  const i = (Number(first) + k) % bodies.length;
  await saveFile(target, bodies[i]);
  process.stdout.write(`saved ${i}\n`);
}
