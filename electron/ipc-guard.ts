import { IPC_CONTRACT, type Channel, type ReplyOf, type RequestOf } from './ipc-contract';

// Who may call the main process, and with what. No Electron import: main.ts feeds in the sender's
// URL and the raw payload, so the checks are tested under Node with hostile inputs.

/**
 * Where the app's own renderer lives: the built page served from app://steward (app-protocol.ts),
 * or the Vite dev server for a developer's unpackaged run.
 */
export type SenderPolicy =
  | { kind: 'app'; indexUrl: string }
  | { kind: 'dev'; origin: string };

/** A call refused before any handler ran (untrusted sender or a payload the contract rejects). */
export class IpcRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefused';
  }
}

/**
 * True only for the app's own page. For the built app that is exactly app://steward/index.html (or
 * app://steward/, which serves it): same scheme, host and path — another page of ours, a file://
 * page or any remote page is refused. Query and hash are ignored (routing state).
 */
export function isTrustedSender(senderUrl: string | null | undefined, policy: SenderPolicy): boolean {
  if (typeof senderUrl !== 'string' || senderUrl === '') return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (policy.kind === 'dev') {
    const allowed = new URL(policy.origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === allowed.origin;
  }
  const index = new URL(policy.indexUrl);
  if (url.username !== '' || url.password !== '' || url.port !== index.port) return false;
  return url.protocol === index.protocol && url.hostname === index.hostname && (url.pathname === index.pathname || url.pathname === '/');
}

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ReplyOf<C>> };

/**
 * The one path every IPC call takes: sender check, then payload validation against the contract,
 * then the plain handler, then the reply checked against the contract. `args` is everything the renderer passed after the channel name.
 */
export async function dispatch<C extends Channel>(
  channel: C,
  senderUrl: string | null | undefined,
  args: readonly unknown[],
  handlers: Handlers,
  policy: SenderPolicy,
): Promise<ReplyOf<C>> {
  if (!isTrustedSender(senderUrl, policy)) throw new IpcRefused(`${channel}: refused a call from an untrusted page`);
  if (!Object.hasOwn(IPC_CONTRACT, channel)) throw new IpcRefused(`unknown channel`);
  if (args.length > 1) throw new IpcRefused(`${channel}: expected at most one argument, got ${args.length}`);
  const parsed = IPC_CONTRACT[channel].request.safeParse(args[0]);
  if (!parsed.success) throw new IpcRefused(`${channel}: invalid request`);
  const handler = handlers[channel] as (request: unknown) => Promise<ReplyOf<C>>;
  const reply = await handler(parsed.data);
  // The reply is checked too: a main-side bug must not hand the renderer something the contract does not describe.
  if (!IPC_CONTRACT[channel].reply.safeParse(reply).success) throw new IpcRefused(`${channel}: the reply did not match the contract`);
  return reply;
}
