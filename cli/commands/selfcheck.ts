import { selfCheck } from '../../models/selfcheck/selfcheck';
import { EXIT, parseArgs } from '../args';
import { PROJECT_FLAGS, projectFor } from '../project';

const MARK = { 'met': '[x]', 'not met': '[ ]', 'not shown by the data': '[?]' } as const;

/**
 * `selfcheck PROJECT [--json]`: practices 13, 14, 15a and 15b of the seed framework — the level
 * the project shows, each criterion met, not met or not shown by the data with its evidence, and
 * what the next level needs (with the screen where it is done).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'bool', ...PROJECT_FLAGS });
  const { project, target, warnings } = await projectFor('selfcheck', args);
  const check = selfCheck(project);
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ project: target, ...check, warnings }, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`Self-check: ${check.district || target} — practices 13–15`, '[x] met  [ ] not met  [?] not shown by the data'];
  for (const p of check.practices) {
    lines.push('', `Practice ${p.practice}: ${p.title} — ${p.level ?? 'not yet getting started'}`);
    for (const c of p.criteria) lines.push(`  ${MARK[c.status]} ${c.level}: ${c.text}`, `      ${c.evidence}`);
    if (p.next) lines.push(`  Next (${p.next.level}): ${p.next.needs.map((n) => `${n.text} [${n.screen}]`).join('; ') || 'nothing more the data can show'}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
