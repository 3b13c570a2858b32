import rules from './csp-rules.json';

// The renderer's Content-Security-Policy. The rules live in csp-rules.json so the Vite config can
// read them too: the build writes them into index.html as a <meta> tag (file:// pages get no
// response headers) and main.ts sends them as a header in development. No remote origin at all:
// Steward never loads anything from the network. Development adds only what Vite's dev server
// needs (an inline React-refresh preamble, inline styles, its HMR socket).

export function cspText(directives: Record<string, string>): string {
  return Object.entries(directives).map(([k, v]) => `${k} ${v}`).join('; ');
}

export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  return cspText(mode === 'production' ? rules.production : { ...rules.production, ...rules.developmentExtra });
}
