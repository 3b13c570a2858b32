import type { ScheduleChange } from '../../../models/staffing/schedule-change';

/** A schedule change in a few words: "Eight periods a day", "+90 min collaboration a week". */
export function changeText(c: ScheduleChange): string {
  switch (c.kind) {
    case 'collaboration_block': return `+${c.minutes_per_week ?? 90} min collaboration a week`;
    case 'periods': return c.periods_per_day === 8 ? 'Eight-period day' : `${c.periods_per_day} periods a day`;
    case 'class_size_cap': return `Class-size cap ${c.class_size_cap}`;
    case 'params': return 'Scenario parameters';
  }
}
