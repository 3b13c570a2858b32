import { extname, resolve, sep } from 'node:path';

// The built renderer is served from app://steward/ instead of file://. Module workers (the engine
// worker, the parse workers) may not load from file:// in Electron, and file:// pages share one
// meaningless origin with every file on disk; app://steward is a standard, secure origin of its own,
// so 'self' in the CSP means exactly our files. Only files under build/web are served: the mapping
// below refuses anything that could step outside it. No Electron import: tested under Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'steward';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** protocol.registerSchemesAsPrivileged (before the app is ready): a standard, secure origin for fetch and workers. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a served file (module workers need a JavaScript type to start). */
export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * app://steward/<path> → the file under `root`, or null for anything else: another scheme or
 * host, credentials or a port, encoded slashes, backslashes, NUL, dot segments, a drive letter, or
 * a path that resolves outside `root`. "/" is index.html; query and hash are ignored.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port !== '' || u.username !== '' || u.password !== '') return null;
  const raw = u.pathname;
  // Decoded, these would be separators or escapes the segment check below could not see.
  if (/%(2f|5c|00)/i.test(raw) || raw.includes('\\') || raw.includes('\0')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const segments = decoded.split('/').slice(1);
  if (segments.length === 1 && segments[0] === '') segments[0] = 'index.html';
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':') || s.includes('\\') || s.includes('\0'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : null;
}

export type ReadBytes = (path: string) => Promise<Uint8Array>;

/**
 * The protocol.handle('app', …) handler: the file's bytes with its type, 404 for anything
 * resolveAppPath refuses or that is not there, 405 for anything but GET/HEAD. The page also gets the
 * CSP as a header (it carries it as a <meta> tag too).
 */
export function createAppHandler(root: string, read: ReadBytes, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const path = resolveAppPath(request.url, root);
    if (path === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    let body: Uint8Array;
    try {
      body = await read(path);
    } catch {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    const headers: Record<string, string> = { 'content-type': contentType(path), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (path.endsWith('.html')) headers['content-security-policy'] = csp;
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
