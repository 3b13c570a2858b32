// Run by index.html before the app's bundle (renderer/vite.config.ts adds it to the built page):
// start the engine worker now, so it loads in parallel with the app's code (engine/early-worker.ts).
import { startEngineWorker } from './engine/early-worker';

startEngineWorker();
