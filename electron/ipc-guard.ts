import { IPC_CONTRACT, type Channel, type ReplyOf, type RequestOf } from './ipc-contract';

// Who may call the main process, and with what. No Electron import: main.ts feeds in the sender's
// URL and the raw payload, so the checks are tested under Node with hostile inputs.

/** Where the app's own renderer lives: the built index.html (file://) or the Vite dev server. */
export type SenderPolicy =
  | { kind: 'file'; indexUrl: string }
  | { kind: 'dev'; origin: string };

/** A call refused before any handler ran (untrusted sender or a payload the contract rejects). */
export class IpcRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefused';
  }
}

/**
 * True only for the app's own page. file:// URLs have no meaningful origin (every local file shares
 * "file://"), so for the packaged app the sender must be exactly our index.html — a page the renderer
 * navigated to elsewhere on disk is refused. Query and hash are ignored (routing state).
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
  return url.protocol === 'file:' && url.host === index.host && url.pathname === index.pathname;
}

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ReplyOf<C>> };

/**
 * The one path every IPC call takes: sender check, then payload validation against the contract,
 * then the plain handler. `args` is everything the renderer passed after the channel name.
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
  return handler(parsed.data);
}
