import { useEffect } from 'react';
import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { ImportPanel } from './ImportPanel';
import { ImportBusy } from './ImportBusy';
import { DropZone } from './DropZone';
import { Wizard } from './wizard/Wizard';
import { ScenarioManagerPanel } from './ScenarioManagerPanel';
import './import.css';

const FOCUS_TARGET = { wizard: 'import-wizard-title', result: 'import-result', report: 'import-title', none: null } as const;

/**
 * Bring in an export: a single export goes through the wizard (sheets, header, table, columns,
 * preview, add); a district workbook or a saved project opens in place of the one on screen, with
 * its report. What happened is announced, and the focus moves to it.
 */
export function ImportScreen() {
  const lastOpened = useApp((s) => s.lastOpened);
  const closeReport = useApp((s) => s.closeReport);
  const wizard = useApp((s) => s.wizard);
  const busy = useApp((s) => s.importBusy);
  const announcement = useApp((s) => s.importAnnouncement);

  useEffect(() => {
    if (!announcement) return;
    const id = FOCUS_TARGET[announcement.target];
    if (id) document.getElementById(id)?.focus();
  }, [announcement]);

  return (
    <>
      {/* Compact while a file is on screen, so each wizard step has the room. */}
      <section className={`panel${wizard || busy ? ' import-intro-compact' : ''}`} aria-labelledby="import-screen-title">
        <h1 id="import-screen-title">Import</h1>
        {!wizard && !busy && <p>Every row is counted: read = accepted + rejected, and each rejected row is listed with its sheet, row, column and reason.</p>}
        <DropZone busy={busy !== null} compact={wizard !== null || busy !== null} />
      </section>
      <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="import-announcement">{announcement?.text ?? ''}</p>
      {busy && <ImportBusy busy={busy} />}
      {wizard ? <Wizard w={wizard} /> : lastOpened ? <ImportPanel result={lastOpened} onClose={closeReport} /> : !busy && (
        <EmptyState title="Nothing imported yet"><p>The file you open is read here, step by step, before anything is added to the project.</p></EmptyState>
      )}
      {!wizard && !busy && <ScenarioManagerPanel />}
    </>
  );
}
