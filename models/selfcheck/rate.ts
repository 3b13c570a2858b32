import { LEVELS, type Criterion, type Level, type PracticeRating, type Practice } from './types';

/**
 * A practice's level from its criteria: a level is reached when every criterion of it and of the
 * levels below that the data can show is met and at least one of its own is met — so a level is
 * never claimed on criteria the project cannot show, and a gap below stops the climb.
 */
export function rate(practice: Practice, title: string, criteria: Criterion[]): PracticeRating {
  let level: Level | null = null;
  for (const l of LEVELS) {
    const own = criteria.filter((c) => c.level === l);
    const reached = own.every((c) => c.status !== 'not met') && own.some((c) => c.status === 'met');
    if (!reached) break;
    level = l;
  }
  const nextLevel = level === null ? LEVELS[0] : LEVELS[LEVELS.indexOf(level) + 1];
  const next = nextLevel === undefined ? null : {
    level: nextLevel,
    needs: criteria.filter((c) => c.level === nextLevel && c.status !== 'met').map(({ text, status, evidence, screen }) => ({ text, status, evidence, screen })),
  };
  return { practice, title, level, criteria, next };
}
