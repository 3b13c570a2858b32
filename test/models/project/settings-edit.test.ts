import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { settingRows, settingsWithKey, settingsWithNew, settingsWithout, settingsWithValue } from '../../../models/project/settings-edit';

// Settings on the Data screen: key/value rows over the typed settings, each value read as the
// importer reads the Settings sheet, built-in keys never renamed or deleted (no silent defaults).

const settings = demoProject().settings;

describe('settings as rows', () => {
  it('lists the built-in settings first, as text that reads back', () => {
    expect(settingRows(settings).slice(0, 6)).toEqual([
      { key: 'district_name', value: settings.district_name, known: true },
      { key: 'base_year', value: '2026', known: true },
      { key: 'horizon_years', value: '5', known: true },
      { key: 'beginning_fund_balance', value: '11220000.00', known: true },
      { key: 'reserve_policy_pct', value: '8%', known: true },
      { key: 'seed', value: '2026', known: true },
    ]);
    expect(settingRows(settings)[6]).toEqual({ key: 'state_aid_share', value: '0.62', known: false });
  });

  it('reads each value as the Settings sheet is read', () => {
    expect(settingsWithValue(settings, 'base_year', 'FY27')).toMatchObject({ ok: true, settings: { base_year: 2027 } });
    expect(settingsWithValue(settings, 'reserve_policy_pct', '10')).toMatchObject({ ok: true, settings: { reserve_policy_pct: 0.1 } });
    expect(settingsWithValue(settings, 'beginning_fund_balance', '$1,000.50')).toMatchObject({ ok: true, settings: { beginning_fund_balance: 100050 } });
    expect(settingsWithValue(settings, 'horizon_years', '12')).toEqual({ ok: false, message: 'horizon_years: Too big: expected number to be <=10' });
    expect(settingsWithValue(settings, 'base_year', '')).toEqual({ ok: false, message: 'base_year: blank' });
    expect(settingsWithValue(settings, 'base_year', 'soon')).toEqual({ ok: false, message: 'base_year: not a fiscal year: "soon"' });
  });

  it('adds, renames and deletes further keys, and refuses to rename or delete a built-in one', () => {
    const added = settingsWithNew(settings, 'Transport Share', '0.1');
    expect(added.ok && added.settings.extra).toEqual({ state_aid_share: '0.62', transport_share: '0.1' });
    expect(settingsWithNew(settings, 'base year', '2027')).toEqual({ ok: false, message: 'base_year is a built-in setting: edit its value on its own row' });
    const renamed = settingsWithKey(settings, 'state_aid_share', 'aid share');
    expect(renamed.ok && renamed.settings.extra).toEqual({ aid_share: '0.62' });
    expect(settingsWithKey(settings, 'seed', 'random')).toEqual({ ok: false, message: 'seed is a built-in setting and keeps its name' });
    expect(settingsWithout(settings, ['state_aid_share'])).toMatchObject({ ok: true, settings: { extra: {} } });
    expect(settingsWithout(settings, ['base_year'])).toEqual({ ok: false, message: 'base_year is a built-in setting and cannot be deleted' });
  });
});
