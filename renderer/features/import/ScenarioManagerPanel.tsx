import { useState } from 'react';
import type { ExcelScenariosResult } from '../../engine/ops/scenario-manager';
import { appHost, useApp } from '../../store';
import { TableScroll } from '../../ui/TableScroll';

/**
 * Excel Scenario Manager what-ifs into Steward scenarios (issue 15), as `steward import-scenarios`:
 * choose the workbook, confirm which driver each changing cell is, add the scenarios. Nothing is
 * added until every cell is mapped and the engine accepts the mapping.
 */
export function ScenarioManagerPanel() {
  const hasProject = useApp((s) => s.project !== null);
  const scenarioCount = useApp((s) => s.project?.scenarios.length ?? 0);
  const excelScenarios = useApp((s) => s.excelScenarios);
  const edit = useApp((s) => s.edit);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [read, setRead] = useState<ExcelScenariosResult | null>(null);
  const [map, setMap] = useState<Map<string, string>>(new Map());
  const [status, setStatus] = useState<string | null>(null);
  if (!hasProject) return null;

  const choose = async () => {
    setStatus(null);
    try {
      const chosen = await appHost.openFile({ folder: false });
      const f = chosen?.files[0];
      if (!f) return;
      const r = await excelScenarios(f.bytes, f.name, []);
      setFile({ name: f.name, bytes: f.bytes });
      setRead(r);
      setMap(new Map());
      setStatus(r.problem ?? `${r.scenarios.length} scenario(s) in ${f.name}: choose the driver each changing cell sets.`);
    } catch (err) {
      setStatus(`Could not read the scenarios: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const add = async () => {
    if (!file || !read) return;
    try {
      const r = await excelScenarios(file.bytes, file.name, [...map.entries()]);
      if (!r.rows) { setStatus(r.problem); return; }
      const done = edit({ op: 'insert-rows', table: 'scenarios', index: scenarioCount, rows: r.rows }, `add ${r.scenarios.length} scenario(s) from ${file.name}`);
      setStatus(done.ok ? `Added ${r.scenarios.map((s) => s.name).join(', ')} to Scenarios (${r.rows.length} driver values).` : done.reason);
      if (done.ok) { setRead(null); setFile(null); }
    } catch (err) {
      setStatus(`Could not add the scenarios: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const complete = read !== null && read.cells.length > 0 && read.cells.every((c) => map.has(`${c.sheet}!${c.ref}`));

  return (
    <section className="panel" aria-labelledby="scenario-manager-title" data-testid="scenario-manager">
      <h2 id="scenario-manager-title">Excel Scenario Manager</h2>
      <p className="muted">Scenarios kept in an Excel workbook (Data → What-If Analysis → Scenario Manager) become Steward scenarios once you say which driver each changing cell is.</p>
      <p><button type="button" className="button" onClick={() => void choose()}>Choose a workbook with scenarios…</button></p>
      {read && read.cells.length > 0 && (
        <>
          <TableScroll label="Changing cells of the Excel scenarios" csv={false}>
            <table className="table table-compact" data-testid="scenario-manager-cells">
              <thead><tr><th scope="col">Cell</th><th scope="col">In scenarios</th><th scope="col">Values</th><th scope="col">Driver</th></tr></thead>
              <tbody>
                {read.cells.map((c) => {
                  const key = `${c.sheet}!${c.ref}`;
                  const values = read.scenarios.filter((s) => s.sheet === c.sheet).map((s) => s.cells.find((x) => x.ref === c.ref)?.text).filter((v) => v !== undefined);
                  return (
                    <tr key={key}>
                      <th scope="row">{key}</th>
                      <td>{c.scenarios.join(', ')}</td>
                      <td>{values.join(', ')}</td>
                      <td>
                        <select aria-label={`Driver for ${key}`} value={map.get(key) ?? ''} onChange={(e) => { const next = new Map(map); if (e.target.value) next.set(key, e.target.value); else next.delete(key); setMap(next); }}>
                          <option value="">Choose a driver…</option>
                          {read.drivers.map((d) => <option key={d} value={d}>{d}</option>)}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p><button type="button" className="button button-primary" disabled={!complete} onClick={() => void add()}>Add {read.scenarios.length} scenario(s)</button></p>
        </>
      )}
      {status && <p role="status" data-testid="scenario-manager-status">{status}</p>}
    </section>
  );
}
