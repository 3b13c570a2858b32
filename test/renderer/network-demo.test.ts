import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/create-store';
import { DEMO_NETWORK_NAME } from '../../renderer/store/project-slice';
import { fakeServices, settle } from './fake-services';

// The title bar's "Network demo": the engine builds the demo charter network and the store opens
// it like the demo district, checked with no errors.
describe('the network demo in the app', () => {
  it('opens the demo charter network through the engine', async () => {
    const f = fakeServices();
    const store = createAppStore(f.services);
    await store.getState().openDemo('network');
    await settle();
    const s = store.getState();
    expect(s.project!.settings.district_name).toBe('Harbor Prep Public Schools');
    expect(s.project!.charterSchools).toHaveLength(6);
    expect(s.name).toBe(DEMO_NETWORK_NAME);
    expect(s.checked?.ok).toBe(true);
    expect(s.checked?.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
