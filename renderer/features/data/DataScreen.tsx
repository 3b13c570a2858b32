import { useMemo } from 'react';
import { TABLES } from '../../../models/schema/tables';
import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { settingsModel, tableModel } from './grid-model';
import { ProblemsPanel } from './ProblemsPanel';
import { TablePicker } from './TablePicker';
import { TableView } from './TableView';
import { useShownProblems } from './useShownProblems';
import './data.css';

/** Every table of the project in an editable grid, and every problem of the project, each leading to its cell. */
export function DataScreen() {
  const project = useApp((s) => s.project);
  const name = useApp((s) => s.name);
  const table = useApp((s) => s.dataTable);
  const setTable = useApp((s) => s.setDataTable);
  const edit = useApp((s) => s.edit);
  const { problems, checking, version } = useShownProblems();
  const model = useMemo(() => {
    if (!project) return null;
    return table === 'settings' ? settingsModel(project, edit) : tableModel(table, project, edit, problems);
  }, [project, table, edit, problems]);
  if (!project || !model) return <EmptyState title="Data" testId="no-project"><p>Open a project to see its tables.</p></EmptyState>;
  return (
    <section className="data-screen" aria-labelledby="data-title">
      <div className="page-title data-title">
        <h1 id="data-title">Data</h1>
        <p className="data-subtitle">
          {name} ·{' '}
          <span data-testid="check-status" data-version={version ?? ''} data-checking={checking ? '1' : '0'}>{checking ? 'checking…' : 'checked'}</span>
        </p>
      </div>
      <ProblemsPanel project={project} problems={problems} checking={checking} />
      <div className="data-layout">
        <TablePicker project={project} problems={problems} table={table} onChange={setTable} />
        <div className="data-main" role="tabpanel" id="data-table-panel" aria-labelledby={`tab-${table}`}>
          <h2 className="data-table-title">{TABLES[table].sheet}</h2>
          <TableView key={table} model={model} />
        </div>
      </div>
    </section>
  );
}
