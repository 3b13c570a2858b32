import type { Problem } from '../../models/project/problems';

function where(p: Problem): string {
  const parts = [p.sheet ?? (p.table === 'project' ? p.file : p.table), p.row !== undefined ? `row ${p.row}` : '', p.column ? `column ${p.column}` : ''];
  return parts.filter(Boolean).join(', ');
}

/** Problems that stopped or weaken the project (missing sheets, unknown site ids, …). */
export function ProblemList({ problems, testId = 'import-problems' }: { problems: Problem[]; testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} className={`problem problem-${p.severity}`}>
          <span className="problem-severity">{p.severity}</span>
          <span className="problem-where">{where(p)}</span>
          <span className="problem-message">{p.message}{p.value !== undefined && <> (<span className="value-cell">{p.value}</span>)</>}</span>
        </li>
      ))}
    </ul>
  );
}
