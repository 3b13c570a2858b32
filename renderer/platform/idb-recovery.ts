import type { RecoveryEntry, RecoveryStore } from './types';

// The browser build's recovery store: one record in IndexedDB (database "steward", store
// "recovery", key "unsaved"), written every few seconds while the project has unsaved changes and
// offered back when the page is opened again. A record is checked before it is offered (it may be
// from another version of Steward, or damaged). Without IndexedDB (some private windows) writes
// fail and the app says unsaved work cannot be kept.

const DB = 'steward';
const STORE = 'recovery';
const KEY = 'unsaved';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser keeps no local storage for Steward'));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('could not open the browser\'s storage'));
    req.onblocked = () => reject(new Error('the browser\'s storage is in use by another Steward tab'));
  });
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = body(tx.objectStore(STORE));
      let result: T;
      req.onsuccess = () => {
        result = req.result;
      };
      // Resolved when the transaction is committed, not when the request succeeds: the record is on disk.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('the browser\'s storage refused the write'));
      tx.onabort = () => reject(tx.error ?? new Error('the browser\'s storage gave up (is it full?)'));
    });
  } finally {
    db.close();
  }
}

/** A stored record as a RecoveryEntry, or null when it is not one. */
export function asRecoveryEntry(v: unknown): RecoveryEntry | null {
  if (v === null || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (typeof r.name !== 'string' || r.name === '' || typeof r.savedAt !== 'string' || Number.isNaN(Date.parse(r.savedAt))) return null;
  if (typeof r.saveable !== 'boolean' || !(r.bytes instanceof Uint8Array) || r.bytes.byteLength === 0) return null;
  return { name: r.name, savedAt: r.savedAt, saveable: false, bytes: r.bytes }; // a browser has no file to save back to
}

export function idbRecovery(now: () => Date = () => new Date()): RecoveryStore {
  return {
    async write(entry) {
      const savedAt = now().toISOString();
      await run('readwrite', (s) => s.put({ name: entry.name, savedAt, saveable: false, bytes: entry.bytes }, KEY));
      return { savedAt };
    },
    async read() {
      return asRecoveryEntry(await run('readonly', (s) => s.get(KEY)));
    },
    async clear() {
      await run('readwrite', (s) => s.delete(KEY));
    },
  };
}
