import { useState } from 'react';
import { locateProblem } from '../../../models/project/locate-problem';
import { countProblems, type Problem } from '../../../models/project/problems';
import type { Project } from '../../../models/project/project';
import { TABLES } from '../../../models/schema/tables';
import { countText as count } from './cell-display';
import { useApp } from '../../store';

const SHOWN = 200;

function where(p: Problem): string {
  const sheet = p.sheet ?? (Object.hasOwn(TABLES, p.table) ? TABLES[p.table as keyof typeof TABLES].sheet : p.file);
  return [sheet, p.row !== undefined ? `row ${p.row}` : '', p.column ? `column ${p.column}` : ''].filter(Boolean).join(', ');
}

const plural = (n: number, w: string) => `${count(n)} ${w}${n === 1 ? '' : 's'}`;

/**
 * Every problem of the project — the same list as `steward validate`, cross-table checks included.
 * A click goes to the problem's cell: its table, its row (found by the row's source), its column.
 */
export function ProblemsPanel({ project, problems, checking }: { project: Project; problems: readonly Problem[]; checking: boolean }) {
  const focusDataCell = useApp((s) => s.focusDataCell);
  const [all, setAll] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const c = countProblems(problems);
  const go = (p: Problem) => {
    const place = locateProblem(project as unknown as Record<string, unknown>, p);
    if (!place) {
      setNote('This problem is about the whole project, not a cell.');
      return;
    }
    setNote(p.row !== undefined && place.index === undefined ? `${where(p)} is not in the project: the import left that row out (see the Import screen).` : null);
    focusDataCell(place);
  };
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <section className="data-problems" aria-labelledby="data-problems-title" data-testid="problems-panel">
      <h2 id="data-problems-title">
        Problems
        <span className="muted">
          {problems.length === 0 ? 'none' : [plural(c.errors, 'error'), plural(c.warnings, 'warning'), c.notes > 0 ? plural(c.notes, 'note') : ''].filter(Boolean).join(', ')}
          {' — the same check as '}<code>steward validate</code>
        </span>
        {checking && <span className="data-checking" aria-live="polite">checking…</span>}
      </h2>
      {note && <p className="data-note" role="status">{note}</p>}
      {problems.length > 0 && (
        <ul className="data-problem-list">
          {shown.map((p, i) => (
            <li key={i}>
              <button type="button" className={`data-problem problem-${p.severity}`} onClick={() => go(p)} data-testid="problem">
                <span className="problem-severity">{p.severity}</span>
                <span className="problem-where">{where(p)}</span>
                <span className="data-problem-message">{p.message}{p.value !== undefined && p.value !== '' && <> (<span className="value-cell">{p.value}</span>)</>}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!all && problems.length > SHOWN && (
        <button type="button" className="button button-quiet" onClick={() => setAll(true)}>Show all {count(problems.length)} problems</button>
      )}
    </section>
  );
}
