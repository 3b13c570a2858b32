import { problemsOf, useApp, useAppShallow } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { ProblemList } from '../../ui/ProblemList';

/** Every table of the project, editable (the grid arrives with the Data screen's own work), and its problems. */
export function DataScreen() {
  const project = useApp((s) => s.project);
  const problems = useAppShallow((s) => problemsOf(s));
  if (!project) return <EmptyState title="Data" testId="no-project"><p>Open a project to see its tables.</p></EmptyState>;
  return (
    <section className="panel" aria-labelledby="data-title">
      <h1 id="data-title">Data</h1>
      <ProblemList problems={problems} />
    </section>
  );
}
