import { useState } from 'react';
import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { RequiredTab } from './RequiredTab';
import { SchedulesTab } from './SchedulesTab';
import { TimeTab } from './TimeTab';
import { ScenariosTab } from './ScenariosTab';
import { Tabs } from './Tabs';
import './staffing.css';

type Tab = 'required' | 'schedules' | 'time' | 'scenarios';
const TABS: { id: Tab; name: string }[] = [
  { id: 'required', name: 'Required vs actual' },
  { id: 'schedules', name: 'Schedules' },
  { id: 'time', name: 'Roles and time' },
  { id: 'scenarios', name: 'Across scenarios' },
];

/** The tab a location hash names (#staffing/scenarios → Across scenarios), so other screens can link to one. */
function tabOfHash(hash: string): Tab {
  const part = hash.split('/')[1]?.toLowerCase();
  return TABS.find((t) => t.id === part)?.id ?? 'required';
}

/** Practice 15 on screen: staff the rules require against staff in place, schedules and what changing them costs, where time goes. */
export function StaffingScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const ok = useApp((s) => s.checked?.version === s.version && s.checked.ok);
  const checking = useApp((s) => s.checked?.version !== s.version);
  const [tab, setTabState] = useState<Tab>(() => tabOfHash(window.location.hash));
  // Each tab has an address (#staffing/schedules): a reload, back and a link keep the place.
  const setTab = (t: Tab) => {
    setTabState(t);
    window.history.replaceState(null, '', t === 'required' ? '#staffing' : `#staffing/${t}`);
  };
  const [site, setSite] = useState<string>('');
  if (!hasProject) return <EmptyState title="Staffing" level={1}><p>Open a project to compare its staff with its staffing rules.</p></EmptyState>;
  if (checking) return <Loading text="Checking the project…" />;
  if (!ok) {
    return (
      <EmptyState title="Staffing" testId="staffing-withheld" level={1}>
        <p className="banner banner-error" role="alert">No staffing figures are computed while the project has errors — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen.</p>
      </EmptyState>
    );
  }
  return (
    <section className="staffing" aria-labelledby="staffing-title">
      <div className="page-title">
        <h1 id="staffing-title">Staffing</h1>
        <p className="muted">Staff the rules require against staff in place, schedules and the cost of changing them, and where time goes — as <code>steward staffing</code>, <code>schedule</code> and <code>timestudy</code>.</p>
      </div>
      <Tabs label="Staffing views" tabs={TABS} value={tab} onChange={setTab}>
        {tab === 'required' && <RequiredTab site={site} onSite={setSite} />}
        {tab === 'schedules' && <SchedulesTab site={site} onSite={setSite} />}
        {tab === 'time' && <TimeTab />}
        {tab === 'scenarios' && <ScenariosTab />}
      </Tabs>
    </section>
  );
}
