import { useEffect } from 'react';
import { appStore, SCREENS, useApp, type Screen } from './store';
import { TitleBar } from './features/shell/TitleBar';
import { Sidebar } from './features/shell/Sidebar';
import { Footer } from './features/shell/Footer';
import { useShortcuts } from './features/shell/useShortcuts';
import { OverviewScreen } from './features/overview';
import { DataScreen } from './features/data';
import { ImportScreen } from './features/import';
import { ComingScreen } from './features/coming';
import { AllocateScreen } from './features/allocate';
import { StaffingScreen } from './features/staffing';
import { CompareScreen } from './features/compare';
import { ScenariosScreen } from './features/scenarios';
import { HistoryScreen } from './features/history';
import { ReportsScreen } from './features/reports';
import { Loading } from './ui/Loading';

/** The screen a location hash names (#data → Data; #staffing/scenarios → Staffing, its tab after the slash), or Overview. */
function screenOfHash(hash: string): Screen {
  const name = hash.replace(/^#/, '').split('/')[0]!.toLowerCase();
  return SCREENS.find((s) => s.toLowerCase() === name) ?? 'Overview';
}

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'Overview': return <OverviewScreen />;
    case 'Data': return <DataScreen />;
    case 'Import': return <ImportScreen />;
    case 'Allocate': return <AllocateScreen />;
    case 'Staffing': return <StaffingScreen />;
    case 'Scenarios': return <ScenariosScreen />;
    case 'Compare': return <CompareScreen />;
    case 'History': return <HistoryScreen />;
    case 'Reports': return <ReportsScreen />;
    default: return <ComingScreen screen={screen} />;
  }
}

export function App() {
  const screen = useApp((s) => s.screen);
  const error = useApp((s) => s.error);
  const loading = useApp((s) => (s.project !== null ? s.loading : null));
  const title = useApp((s) => `${s.project && s.version !== s.savedVersion ? '• ' : ''}${s.project ? `${s.name} — ` : ''}Steward`);
  useShortcuts();

  // The hash is the screen: links in the sidebar, back and forward, a reload keep the place.
  useEffect(() => {
    const sync = () => appStore.getState().setScreen(screenOfHash(window.location.hash));
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  // The start (the restore offer, a double-clicked file, else the demo district so a first run shows
  // real figures straight away) is the title bar's: features/shell/useFileCommands.ts → store startup().

  useEffect(() => {
    document.title = title;
  }, [title]);

  // A screen chosen by the app (the Import report after opening a file) shows in the address too.
  useEffect(() => {
    if (screenOfHash(window.location.hash) !== screen) window.history.replaceState(null, '', `#${screen.toLowerCase()}`);
  }, [screen]);

  return (
    <div className="app">
      <TitleBar />
      <div className="shell">
        <Sidebar />
        <main className="content" aria-busy={loading !== null} aria-label={screen}>
          {error && <div className="banner banner-error" role="alert">{error}</div>}
          {loading && <Loading text={loading} />}
          <CurrentScreen screen={screen} />
        </main>
      </div>
      <Footer />
    </div>
  );
}
