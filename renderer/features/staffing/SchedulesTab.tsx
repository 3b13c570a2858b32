import { useState } from 'react';
import type { ScheduleChange } from '../../../models/staffing/schedule-change';
import { useApp, useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { ScheduleChanges } from './ScheduleChanges';
import { ScheduleFacts } from './ScheduleFacts';
import { SitePicker } from './SitePicker';

/** One school's schedule: sections from course requests, teacher FTE, and what changing the schedule costs. */
export function SchedulesTab({ site, onSite }: { site: string; onSite: (site: string) => void }) {
  // "All sites" on the staffing table: the schedule of the first high school (else the first school).
  const fallback = useApp((s) => {
    const schools = (s.project?.sites ?? []).filter((x) => x.level !== 'Central');
    return (schools.find((x) => x.level === 'HS') ?? schools[0])?.site_id ?? '';
  });
  const shown = site === '' ? fallback : site;
  const [extra, setExtra] = useState<ScheduleChange[]>([]);
  const run = useRun('schedule', extra.length > 0 ? { site: shown, extra } : { site: shown });
  const body = !run || run.status === 'running'
    ? <Loading text="Counting sections…" />
    : run.status === 'failed' || !run.result
      ? <div className="banner banner-error" role="alert">{run.error}</div>
      : (() => {
          const s = run.result.report.sites[0];
          if (!s) return <p className="muted">No schedule for this site.</p>;
          return (
            <>
              <ScheduleFacts site={s} classSizes={run.result.classSizes} />
              <ScheduleChanges site={s} extra={extra} onExtra={setExtra} />
            </>
          );
        })();
  return (
    <div className="staffing-stack">
      <div className="panel panel-head">
        <h2>Schedule of {shown}</h2>
        <SitePicker value={shown} onChange={(v) => { setExtra([]); onSite(v); }} testId="schedule-site" />
      </div>
      {body}
    </div>
  );
}
