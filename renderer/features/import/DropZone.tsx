import { useState, type DragEvent } from 'react';
import { appStore } from '../../store';

/** Choose a file or a folder of CSVs, or drop files here: each goes through the import. */
export function DropZone({ busy, compact = false }: { busy: boolean; compact?: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length === 0 || busy) return;
    const chosen = { name: files.length === 1 ? files[0]!.name : `${files.length} files`, files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))) };
    await appStore.getState().openChosen(chosen, undefined, { askBeforeReplacing: true });
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-zone-active' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <p>{compact ? 'Drop another file here, or' : 'Drop a file here — a budget or ledger export, positions, enrollment (.csv, .xlsx, .xls, .ods) — or a whole district workbook.'}</p>
      <button type="button" className="button button-primary" onClick={() => void appStore.getState().importFile()} disabled={busy}>Choose a file…</button>
      <button type="button" className="button" onClick={() => void appStore.getState().importFile({ folder: true })} disabled={busy}>Choose a folder of CSVs…</button>
    </div>
  );
}
