import { useEffect, useState } from 'react';
import { appHost } from '../../store';

/** "Steward 0.1.0 · Electron 45.4.1" (or "· in the browser"). */
export function Footer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    appHost.version().then((v) => {
      if (live) setText(`Steward ${v.app} · ${v.electron ? `Electron ${v.electron}` : 'in the browser'}`);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return <footer className="footer" data-testid="app-version">{text}</footer>;
}
