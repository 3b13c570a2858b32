/** Exit codes other tools read: keep them. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

export class UsageError extends Error {}
/** Input the user gave us was refused: printed on stderr, exit 1. */
export class InputError extends Error {}
/** Input refused whose problems the command has already printed: exit 1 with nothing more. */
export class ReportedError extends InputError {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** --flag value, --flag=value, --bool. Flags not in `known` are a usage error. */
export function parseArgs(argv: readonly string[], known: Record<string, 'value' | 'bool'>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = known[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'bool') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagInt(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** "a=1,b=2" → { a: '1', b: '2' } (values may not contain commas; quote-free on purpose). */
export function parsePairs(text: string, flag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} expects field=value pairs separated by commas, got "${part}"`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
