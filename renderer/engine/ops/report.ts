import { focusScenario, gatherReport, reportMonteCarlo, type ReportOptions } from '../../../models/report/gather';
import { snapshotReportProject } from '../../../models/report/from-snapshot';
import { reportHtml } from '../../../models/report/html';
import { reportBook } from '../../../models/report/sheets';
import type { Project } from '../../../models/project/project';
import type { RequestOf, ResultOf } from '../protocol';

/**
 * `steward report PROJECT [--scenario …] [--trials N]` for the Reports screen: the same engine
 * calls and the same Monte Carlo (the project's seed), giving the workbook's sheets and the
 * print page. The screen turns the sheets into .xlsx or CSV bytes when asked. With `snapshot`, the
 * report is rebuilt from that snapshot's inputs and dated the day it was taken (`steward report
 * --snapshot NAME`): the report as it was presented.
 */
export function runReport(current: Project, r: Omit<RequestOf<'report'>, 'version'>): ResultOf<'report'> {
  let project = current;
  let date = r.date;
  const opts: ReportOptions = r.scenarios ? { scenarios: r.scenarios } : {};
  if (r.snapshot !== undefined) {
    const s = snapshotReportProject(current, r.snapshot);
    if (!s.ok) throw new Error(s.reason);
    ({ project, date } = s.value);
    opts.snapshot = s.value.snapshot;
  }
  let mc = null;
  if (r.trials > 0) {
    const m = reportMonteCarlo(project, focusScenario(opts), r.trials, project.settings.seed);
    if (!m.ok) throw new Error(`Monte Carlo: ${m.reason}`);
    mc = m.value;
  }
  const data = gatherReport(project, r.name, opts, mc);
  if (!data.ok) throw new Error(data.reason);
  const book = reportBook(data.value, { date });
  return { book, html: reportHtml(data.value, book, { date }), date };
}
