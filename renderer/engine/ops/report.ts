import { focusScenario, gatherReport, reportMonteCarlo } from '../../../models/report/gather';
import { reportHtml } from '../../../models/report/html';
import { reportBook } from '../../../models/report/sheets';
import type { Project } from '../../../models/project/project';
import type { RequestOf, ResultOf } from '../protocol';

/**
 * `steward report PROJECT [--scenario …] [--trials N]` for the Reports screen: the same engine
 * calls and the same Monte Carlo (the project's seed), giving the workbook's sheets and the
 * print page. The screen turns the sheets into .xlsx or CSV bytes when asked.
 */
export function runReport(project: Project, r: Omit<RequestOf<'report'>, 'version'>): ResultOf<'report'> {
  const opts = r.scenarios ? { scenarios: r.scenarios } : {};
  let mc = null;
  if (r.trials > 0) {
    const m = reportMonteCarlo(project, focusScenario(opts), r.trials, project.settings.seed);
    if (!m.ok) throw new Error(`Monte Carlo: ${m.reason}`);
    mc = m.value;
  }
  const data = gatherReport(project, r.name, opts, mc);
  if (!data.ok) throw new Error(data.reason);
  const book = reportBook(data.value, { date: r.date });
  return { book, html: reportHtml(data.value, book, { date: r.date }) };
}
