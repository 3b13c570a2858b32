import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { newProject } from '../../../models/project/new-project';
import { selfCheck } from '../../../models/selfcheck/selfcheck';
import type { PracticeRating } from '../../../models/selfcheck/types';

const byId = (r: PracticeRating, id: string) => r.criteria.find((c) => c.id === id)!;

describe('self-check on practices 13, 14, 15a, 15b', () => {
  const demo = demoProject();
  const check = selfCheck(demo);
  const p = (n: string) => check.practices.find((x) => x.practice === n)!;

  it('rates the demo district getting better on each practice, with evidence from its tables', () => {
    expect(check.practices.map((x) => [x.practice, x.level])).toEqual([['13', 'getting better'], ['14', 'getting better'], ['15a', 'getting better'], ['15b', 'getting better']]);
    expect(byId(p('13'), '13-needs-register')).toMatchObject({ status: 'met', evidence: '58 needs in the register, costing $10,783,000' });
    expect(byId(p('13'), '13-restricted-first').status).toBe('met');
    expect(byId(p('13'), '13-restricted-first').evidence).toMatch(/^\$[\d,]+ of restricted funds \(T1A, .*\) went to eligible needs first, then \$[\d,]+ of general funds$/);
    expect(byId(p('13'), '13-outcomes-review')).toMatchObject({ status: 'met', evidence: 'outcomes for 12 schools and 7 programs over FY2022–FY2026 set against spending per pupil (FY2026); 10 flags for the review' });
    expect(byId(p('13'), '13-cost-balance').evidence).toMatch(/^cost-balance ratios for 12 schools, /);
    expect(byId(p('14'), '14-backup-plans').evidence).toBe('4 plans; backup "Enrollment plan" when reserve_pct < policy and enrollment_change < -0.025, "Levy plan" when local_revenue_growth < -0.05 and 2 more');
    expect(byId(p('14'), '14-signposts')).toMatchObject({ status: 'not met', evidence: '2 signposts, none with an observed value yet' });
    expect(byId(p('15a'), '15a-protected-time').status).toBe('met');
    expect(byId(p('15b'), '15b-collaboration-time').evidence).toBe('12 of 12 school schedules have collaboration time (45 minutes a week)');
  });

  it('says what the next level needs, with the screen where it is done', () => {
    expect(p('13').next).toEqual({ level: 'keep improving', needs: [{ text: 'Several reviews during the school year adjust funding, personnel or schedules', status: 'not met', evidence: 'no in-year review recorded (Reviews table)', screen: 'Allocate' }] });
    expect(p('14').next?.needs.map((n) => [n.status, n.screen])).toEqual([['not met', 'Scenarios']]);
    expect(p('15b').next?.needs.map((n) => n.status)).toEqual(['not shown by the data']);
  });

  it('climbs to keep improving when the project records what the level asks', () => {
    const reviews = ['2026-10 fall', '2027-01 mid-year'].map((review_id, i) => ({ review_id, as_of: i === 0 ? '2026-10-31' : '2027-01-31', kind: 'funding' as const, description: 'moved supplies money', status: 'approved' as const }));
    const more = { ...demo, allocationReviews: reviews, signposts: demo.signposts.map((s, i) => (i === 0 ? { ...s, observed: 7900 } : s)) };
    const again = selfCheck(more);
    expect(again.practices.map((x) => x.level)).toEqual(['keep improving', 'keep improving', 'getting better', 'getting better']);
    expect(again.practices[0]!.next).toBeNull();
  });

  it('rates a bare template project before getting started, each criterion saying what is missing', () => {
    const bare = selfCheck(newProject({ district_name: 'New district', base_year: 2027 }));
    expect(bare.practices.map((x) => [x.practice, x.level, x.next?.level])).toEqual([
      ['13', null, 'getting started'], ['14', null, 'getting started'], ['15a', null, 'getting started'], ['15b', null, 'getting started'],
    ]);
    expect(bare.practices[0]!.next!.needs.map((n) => n.evidence)).toEqual(['the Needs table is empty', 'the allocation could not be computed: it needs the Sites, Enrollment and Funds tables']);
    expect(bare.practices.flatMap((x) => x.criteria).some((c) => c.status === 'met')).toBe(false);
  });

  it('rates practice 13 getting better on outcomes: reviewed against the Outcomes table, not met when it is empty, one year or behind', () => {
    const level13 = (project: typeof demo) => selfCheck(project).practices[0]!;
    const empty = level13({ ...demo, outcomes: [] });
    expect(empty.level).toBe('getting started');
    expect(byId(empty, '13-outcomes-review')).toMatchObject({ status: 'not met', evidence: 'the Outcomes table is empty: outcome figures by school or program for two or more years are needed to set spending against them' });
    expect(empty.next?.needs.map((n) => [n.text, n.screen])).toEqual([['The budget and allocations are reviewed each year against student and staff outcomes', 'Allocate']]);
    const oneYear = level13({ ...demo, outcomes: demo.outcomes.filter((o) => o.year === 2026) });
    expect(byId(oneYear, '13-outcomes-review')).toMatchObject({ status: 'not met', evidence: 'outcome figures for FY2026 only: a second year is needed to see what changed' });
    const behind = level13({ ...demo, settings: { ...demo.settings, base_year: 2029 } });
    expect(byId(behind, '13-outcomes-review').evidence).toBe('outcomes for 12 schools and 7 programs stop at FY2026; the base year is FY2029, so the latest year\'s review is missing');
  });
});
