/**
 * The background's one presence feed: watch list -> session (source + watcher) -> presence
 * mirror -> storage. Everything it needs is rebuilt from storage when the worker wakes, and every
 * operation runs one at a time so a wake, a sign-in and a sign-out never interleave.
 */
import { createSerialQueue } from '../core/serial-queue';
import type { ConnectionInfo } from '../shared/connection';
import type { WatchedContact } from '../shared/contact';
import type { ResponseMap } from '../shared/messages';
import {
  connectionItem,
  settingsItem,
  watchListCheckItem,
  watchListItem,
  type WatchListCheck,
} from '../shared/storage-items';
import { createHttpClient } from '../webex/http';
import { createPeopleApi } from '../webex/people-api';
import { resolveEndpoints } from '../webex/endpoints';
import type { FeedState } from '../webex/webex-presence-source';
import type { WebSocketConstructor } from '../webex/mercury';
import type { TokenAudience } from '../webex/token-audience';
import { contactNames, resolveContact } from './contact-resolver';
import {
  clearCredentials,
  loadCredentials,
  saveCredentials,
  type Credentials,
} from './credentials';
import { createDeviceStore } from './device-store';
import { FeedSession } from './feed-session';
import type { PresenceMirror } from './presence-mirror';
import type { SecretStore } from './secret-store';

export interface FeedControllerDeps {
  readonly secrets: SecretStore;
  readonly mirror: PresenceMirror;
  readonly fetch: typeof fetch;
  readonly WebSocket: WebSocketConstructor;
  /** Where the token may go in this build. */
  readonly audience: TokenAudience;
  readonly now?: () => number;
}

/** How often a worker that wakes re-checks the watch list with the People API. */
const WATCH_LIST_CHECK_EVERY_MS = 6 * 60 * 60_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FeedController {
  private session: FeedSession | null = null;
  /** Runs operations one after another; a failing one does not block the next. */
  private readonly serial = createSerialQueue();

  constructor(private readonly deps: FeedControllerDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Top-level startup: rebuild from storage and reconnect. Safe to call again. */
  wake(): Promise<void> {
    return this.serial(async () => {
      if (this.session) return;
      await this.deps.mirror.restore();
      const credentials = await loadCredentials(this.deps.secrets);
      if (!credentials) {
        await this.publishSignedOut();
        return;
      }
      await this.open(credentials);
    });
  }

  connect(serverUrl: string, token: string): Promise<ResponseMap['connect']> {
    return this.serial(async () => {
      const endpoints = resolveEndpoints(serverUrl.trim(), this.deps.audience);
      if (!endpoints.ok) return { ok: false, error: endpoints.error };
      const accessToken = token.trim();
      if (accessToken === '') return { ok: false, error: 'Enter an access token.' };
      let account;
      try {
        const http = createHttpClient({
          fetch: this.deps.fetch,
          getToken: () => accessToken,
          audience: this.deps.audience,
        });
        const me = await createPeopleApi(http, endpoints.value.hydraBaseUrl).me();
        account = { displayName: me.displayName, email: me.emails[0] ?? '' };
      } catch (error) {
        return { ok: false, error: message(error) };
      }
      await this.close();
      const credentials: Credentials = { serverUrl: serverUrl.trim(), accessToken, account };
      await saveCredentials(this.deps.secrets, credentials);
      await settingsItem.set({ serverUrl: credentials.serverUrl });
      await this.open(credentials, { checkWatchList: true });
      return { ok: true, account };
    });
  }

  /** Signs out: the feed stops, its WDM device is deleted, the token and presences are forgotten. */
  disconnect(): Promise<ResponseMap['disconnect']> {
    return this.serial(async () => {
      const credentials = this.session?.credentials ?? (await loadCredentials(this.deps.secrets));
      const session = this.session ?? (credentials ? this.newSession(credentials) : null);
      this.session = null;
      await session?.signOut();
      if (credentials) await this.deviceStoreFor(credentials).save(null);
      await clearCredentials(this.deps.secrets);
      this.deps.mirror.clear();
      await this.publishSignedOut();
      return { ok: true };
    });
  }

  /** Starts the feed again where it stopped for good (another connection replaced it). */
  reconnect(): Promise<ResponseMap['reconnect']> {
    return this.serial(async () => {
      if (!this.session) return { ok: false, error: 'Connect to Webex first, in Options.' };
      const session = this.session;
      // Not awaited: start() reports through the connection state and must not hold the queue.
      session.start().catch((error: unknown) => console.error('Presence Lens: reconnect', error));
      return { ok: true };
    });
  }

  /** Stops the feed but stays signed in: what a worker stopped by the browser amounts to. */
  suspend(): Promise<void> {
    return this.serial(() => this.close());
  }

  async addContact(query: string): Promise<ResponseMap['addContact']> {
    await this.wake(); // a message may be what woke the worker: the session is rebuilt first
    const session = this.session;
    if (!session) return { ok: false, error: 'Connect to Webex first (Connection, above).' };
    const resolved = await resolveContact(session.people, query, this.now());
    if (!resolved.ok) return { ok: false, error: resolved.error };
    const contact = resolved.value;
    let duplicate = false;
    await watchListItem.update((list) => {
      duplicate = list.some((c) => c.contactId === contact.contactId);
      return duplicate ? list : [...list, contact];
    });
    if (duplicate) return { ok: false, error: `${contact.displayName} is already on the list.` };
    return { ok: true, contact };
  }

  async removeContact(contactId: string): Promise<ResponseMap['removeContact']> {
    await watchListItem.update((list) => list.filter((c) => c.contactId !== contactId));
    return { ok: true };
  }

  /**
   * The watch list changed (from any context): start and stop watches to match. Queued behind
   * any connect or wake, and it reads the list as stored when its turn comes, so a change made
   * while a session opens is never undone by the older list that session started from.
   */
  onWatchListChanged(): Promise<void> {
    return this.serial(async () => {
      const contacts = await watchListItem.get();
      this.deps.mirror.retain(new Set(contacts.map((c) => c.contactId)));
      this.session?.sync(contacts);
    });
  }

  /** Periodic alarm: wake if the worker was restarted, then let the source heal itself. */
  async checkHealth(): Promise<void> {
    await this.wake();
    await this.session?.checkHealth();
  }

  private newSession(credentials: Credentials): FeedSession {
    const session: FeedSession = new FeedSession({
      credentials,
      fetch: this.deps.fetch,
      WebSocket: this.deps.WebSocket,
      audience: this.deps.audience,
      deviceStore: this.deviceStoreFor(credentials),
      onPresence: (presence) => this.deps.mirror.set(presence),
      onState: (state) => void this.onFeedState(session, state),
    });
    return session;
  }

  private async open(credentials: Credentials, options = { checkWatchList: false }): Promise<void> {
    const session = this.newSession(credentials);
    this.session = session;
    let check = await watchListCheckItem.get();
    // Checked before anything is subscribed, so bots and vanished people never are. A worker
    // restarted within the same browser session keeps the last check's verdicts instead.
    if (options.checkWatchList || this.now() - check.checkedAt >= WATCH_LIST_CHECK_EVERY_MS) {
      check = (await this.checkWatchList(session, await watchListItem.get())) ?? check;
    }
    // Read after the check: the list as it is now, not as it was before the awaits above.
    const contacts = await watchListItem.get();
    this.deps.mirror.retain(new Set(contacts.map((c) => c.contactId)));
    session.markInvalid(check.invalidIds, contacts);
    session.sync(contacts);
    // start() reports failures through onState and keeps retrying; it must not block the queue.
    session.start().catch((error: unknown) => console.error('Presence Lens: feed start', error));
  }

  /**
   * Asks the People API about every watched contact: bots and people who no longer exist are
   * recorded as invalid, names and emails are refreshed. Null when the check could not be made.
   */
  private async checkWatchList(
    session: FeedSession,
    contacts: readonly WatchedContact[],
  ): Promise<WatchListCheck | null> {
    if (contacts.length === 0) return null;
    let checked;
    try {
      checked = await session.validate(contacts);
    } catch (error) {
      console.warn('Presence Lens: could not check the watch list', error);
      return null;
    }
    const check = { checkedAt: this.now(), invalidIds: checked.invalidIds };
    await watchListCheckItem.set(check);
    const { found } = checked;
    const refreshed = (c: WatchedContact): WatchedContact => {
      const person = found.get(c.contactId);
      return person ? { contactId: c.contactId, ...contactNames(person), addedAt: c.addedAt } : c;
    };
    const same = (a: WatchedContact, b: WatchedContact) =>
      a.displayName === b.displayName &&
      a.emails.join() === b.emails.join() &&
      a.firstName === b.firstName &&
      a.lastName === b.lastName;
    if (contacts.some((c) => !same(refreshed(c), c))) {
      await watchListItem.update((list) => list.map(refreshed));
    }
    return check;
  }

  private deviceStoreFor(credentials: Credentials) {
    return createDeviceStore(this.deps.secrets, credentials.serverUrl, credentials.account.email);
  }

  private async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.dispose();
  }

  private async onFeedState(session: FeedSession, state: FeedState): Promise<void> {
    if (session !== this.session) return;
    const { account, serverUrl } = session.credentials;
    await this.publish({
      phase: state.phase,
      message: state.message ?? '',
      since: state.since,
      // A rejected token means nobody is signed in any more, whatever the stored account says.
      account: state.phase === 'signed-out' ? null : account,
      serverUrl,
      ...(state.retryAt === undefined ? {} : { retryAt: state.retryAt }),
    });
  }

  private publish(info: ConnectionInfo): Promise<void> {
    return connectionItem.set(info);
  }

  /** Written only when it changes: every alarm and port wakes a signed-out worker. */
  private async publishSignedOut(): Promise<void> {
    const { serverUrl } = await settingsItem.get();
    const current = await connectionItem.get();
    if (
      current.phase === 'signed-out' &&
      !current.account &&
      current.message === '' &&
      current.serverUrl === serverUrl
    ) {
      return;
    }
    await this.publish({
      phase: 'signed-out',
      message: '',
      since: this.now(),
      account: null,
      serverUrl,
    });
  }
}
