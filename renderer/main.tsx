import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { appStore } from './store';
import './styles.css';

// Steward opens on the demo district (App does the same check). Asked for before React's first
// render, so the first screen React draws is the demo's loading state — never a flash of "No project
// open" — and the engine worker starts while React renders.
const start = appStore.getState();
if (start.status === 'idle' && start.project === null) void start.openDemo();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
