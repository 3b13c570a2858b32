import { describe, expect, it } from 'vitest';
import { AllocateConfigSchema } from '../../../models/allocate/config';
import { PRESETS } from '../../../models/allocate/presets';
import { ProjectSchema } from '../../../models/project/project';
import { TABLES } from '../../../models/schema/tables';

describe('allocate config and tables', () => {
  it('an empty config is a working configuration with every default filled in', () => {
    const c = AllocateConfigSchema.parse({});
    expect(c.title1.high_poverty).toBe(0.75);
    expect(c.thresholds.comparability).toBe(0.9);
    expect(c.review.over_share).toBe(0.02);
    expect(c.general_for_needs).toBe('fill');
  });

  it('refuses an over-long custom expression when the rules are saved', () => {
    expect(AllocateConfigSchema.safeParse({ rules: [{ name: 'x', custom_terms: [{ name: 't', expression: 'x'.repeat(401) }] }] }).success).toBe(false);
  });

  it('every preset carries its source', () => {
    for (const p of Object.values(PRESETS)) expect(p.source).toMatch(/\w{10}/);
  });

  it('adds a Reviews sheet, and old projects without it still load', () => {
    expect(TABLES.allocationReviews.sheet).toBe('Reviews');
    const p = ProjectSchema.parse({ settings: { base_year: 2026 }, sites: [], enrollment: [], studentNeeds: [], funds: [], budget: [], positions: [], salary: [] });
    expect(p.allocationReviews).toEqual([]);
  });
});
