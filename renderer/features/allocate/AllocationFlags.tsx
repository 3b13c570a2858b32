import type { AllocationResult } from '../../../models/allocate/allocate';
import type { AllocationFlag } from '../../../models/allocate/flags';
import type { TableKind } from '../../../models/schema/tables';
import type { Project } from '../../../models/project/project';
import { useApp } from '../../store';
import { FLAG_RULES, flagAmount } from './flag-rules';

/** The rows a flag is about, on the Data screen: its school, its fund, its need. */
function rowsOf(project: Project, f: AllocationFlag): { label: string; table: TableKind; index: number }[] {
  const out: { label: string; table: TableKind; index: number }[] = [];
  const at = (table: TableKind, index: number, label: string) => { if (index >= 0) out.push({ table, index, label }); };
  if (f.site_id) at('sites', project.sites.findIndex((s) => s.site_id === f.site_id), `site ${f.site_id}`);
  if (f.fund_code) at('funds', project.funds.findIndex((x) => x.fund_code === f.fund_code), `fund ${f.fund_code}`);
  if (f.need_id) at('needs', project.needs.findIndex((n) => n.need_id === f.need_id), `need ${f.need_id}`);
  return out;
}

/** Compliance and indicator flags, each with the rule it applies, its amount, its schools and a link to the rows behind it. */
export function AllocationFlags({ result }: { result: AllocationResult }) {
  const project = useApp((s) => s.project);
  const focusDataCell = useApp((s) => s.focusDataCell);
  const setScreen = useApp((s) => s.setScreen);
  if (result.flags.length === 0) return <div className="panel"><h2>Flags</h2><p className="muted">No flags.</p></div>;
  const go = (table: TableKind, index: number) => {
    focusDataCell({ table, index });
    setScreen('Data');
  };
  return (
    <div className="panel">
      <h2>Flags <span className="muted">{result.flags.length}</span></h2>
      <ul className="problems flag-list" data-testid="allocate-flags">
        {result.flags.map((f, i) => {
          const amount = flagAmount(f);
          const rows = project ? rowsOf(project, f) : [];
          return (
            <li key={i} className={`problem problem-${f.severity === 'info' ? 'note' : f.severity}`} data-code={f.code}>
              <span className="problem-severity">{f.severity}</span>
              <span className="problem-where">{f.code}{f.site_id ? ` · school ${f.site_id}` : ''}{f.fund_code ? ` · fund ${f.fund_code}` : ''}{amount ? ` · ${amount}` : ''}</span>
              <span>{f.message}</span>
              <span className="small muted flag-rule" data-testid="flag-rule">Rule: {FLAG_RULES[f.code] ?? 'Steward’s indicator (docs/allocate.md)'}</span>
              {rows.length > 0 && (
                <span className="small flag-rows">
                  {rows.map((r) => <button key={`${r.table}${r.index}`} type="button" className="button button-quiet" onClick={() => go(r.table, r.index)}>Show {r.label} on the Data screen</button>)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
