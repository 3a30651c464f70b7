import { err, ok, type Result } from '../core/result';
import { isFiniteNumber, isRecord, isString } from '../core/json-guards';
import { CONNECTION_PHASES, type ConnectionPhase } from '../core/connection-phase';

export interface Account {
  readonly displayName: string;
  readonly email: string;
}

/** What the UI shows about the link to Webex. Lives in `storage.session`. */
export interface ConnectionInfo {
  readonly phase: ConnectionPhase;
  /** A sentence for people, e.g. why the last attempt failed; "" when all is well. */
  readonly message: string;
  /** UTC ms of the last phase change. */
  readonly since: number;
  readonly account: Account | null;
  readonly serverUrl: string;
  /** UTC ms of the next reconnect attempt, while one is planned. */
  readonly retryAt?: number;
}

export const SIGNED_OUT: ConnectionInfo = {
  phase: 'signed-out',
  message: '',
  since: 0,
  account: null,
  serverUrl: '',
};

export function parseAccount(raw: unknown): Result<Account> {
  if (!isRecord(raw) || !isString(raw.displayName) || !isString(raw.email)) {
    return err('an account needs a displayName and an email');
  }
  return ok({ displayName: raw.displayName, email: raw.email });
}

export function parseConnectionInfo(raw: unknown): Result<ConnectionInfo> {
  if (!isRecord(raw)) return err('connection info must be an object');
  const { phase, message, since, account, serverUrl, retryAt } = raw;
  if (!CONNECTION_PHASES.includes(phase as ConnectionPhase)) {
    // Not String(phase): an object without a prototype (or a toString that throws) would throw.
    return err(`unknown phase ${typeof phase === 'string' ? phase.slice(0, 40) : typeof phase}`);
  }
  if (!isString(message) || !isFiniteNumber(since) || !isString(serverUrl)) {
    return err('connection info is missing message, since or serverUrl');
  }
  let parsedAccount: Account | null = null;
  if (account !== null) {
    const a = parseAccount(account);
    if (!a.ok) return a;
    parsedAccount = a.value;
  }
  if (retryAt !== undefined && !isFiniteNumber(retryAt)) return err('retryAt is not a time');
  return ok({
    phase: phase as ConnectionPhase,
    message,
    since,
    account: parsedAccount,
    serverUrl,
    ...(retryAt === undefined ? {} : { retryAt }),
  });
}
