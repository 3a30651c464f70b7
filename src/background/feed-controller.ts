/**
 * The background's one presence feed: watch list -> session (source + watcher) -> presence
 * mirror -> storage. Everything it needs is rebuilt from storage when the worker wakes, and every
 * operation runs one at a time so a wake, a sign-in and a sign-out never interleave.
 */
import { createSerialQueue } from '../core/serial-queue';
import type { ConnectionInfo } from '../shared/connection';
import type { ResponseMap } from '../shared/messages';
import {
  connectionItem,
  settingsItem,
  watchListCheckItem,
  watchListItem,
} from '../shared/storage-items';
import { createHttpClient } from '../webex/http';
import { createPeopleApi, type PeopleApi } from '../webex/people-api';
import { resolveEndpoints } from '../webex/endpoints';
import type { FeedState } from '../webex/feed-state';
import type { WebSocketConstructor } from '../webex/mercury';
import type { TokenAudience } from '../webex/token-audience';
import { resolveContact } from './contact-resolver';
import { checkWatchList } from './watch-list-check';
import { connectionInfoOf, isSignedOutAt, signedOutAt } from './connection-info';
import {
  clearCredentials,
  loadCredentials,
  saveCredentials,
  type Credentials,
} from './credentials';
import { createDeviceStore } from './device-store';
import { TokenKeeper } from './token-keeper';
import { signInWithWebex, type WebAuth } from './webex-sign-in';
import type { OAuthClient } from '../webex/oauth';
import { RequestGate } from '../webex/request-gate';
import { globalTimers } from '../webex/timers';
import { FeedSession } from './feed-session';
import type { PresenceMirror } from './presence-mirror';
import type { SecretStore } from './secret-store';
import { t } from '../ui/i18n';

export interface FeedControllerDeps {
  readonly secrets: SecretStore;
  readonly mirror: PresenceMirror;
  readonly fetch: typeof fetch;
  readonly WebSocket: WebSocketConstructor;
  /** Where the token may go in this build. */
  readonly audience: TokenAudience;
  /** Opens the Webex consent page (`chrome.identity.launchWebAuthFlow`); absent: no OAuth. */
  readonly webAuth?: WebAuth;
  readonly now?: () => number;
}

/** How often a worker that wakes re-checks the watch list with the People API. */
const WATCH_LIST_CHECK_EVERY_MS = 6 * 60 * 60_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FeedController {
  private session: FeedSession | null = null;
  /** Runs operations one after another; a failing one does not block the next. */
  private readonly serial = createSerialQueue();
  /** Every request of this worker passes it: 5 a second, Retry-After per host. */
  private readonly gate: RequestGate;
  private lastRejectionRefresh = -Infinity;

  constructor(private readonly deps: FeedControllerDeps) {
    this.gate = new RequestGate(globalTimers, () => this.now(), { startsFull: true });
  }

  private httpFor(getToken: () => string | Promise<string>) {
    return createHttpClient({
      fetch: this.deps.fetch,
      getToken,
      audience: this.deps.audience,
      gate: this.gate,
    });
  }

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
      if (accessToken === '') return { ok: false, error: t('worker_access_token_missing') };
      let account;
      try {
        const http = this.httpFor(() => accessToken);
        const me = await createPeopleApi(http, endpoints.value.hydraBaseUrl).me();
        account = { displayName: me.displayName, email: me.emails[0] ?? '' };
      } catch (error) {
        return { ok: false, error: message(error) };
      }
      await this.signIn({ serverUrl: serverUrl.trim(), accessToken, account });
      return { ok: true, account };
    });
  }

  /**
   * "Sign in with Webex" (OAuth with PKCE). The consent page may stay open for minutes, so only
   * storing the result waits in the queue.
   */
  async signInWithWebex(
    serverUrl: string,
    given: { clientId: string; clientSecret: string },
  ): Promise<ResponseMap['signInWithWebex']> {
    const webAuth = this.deps.webAuth;
    // Entered once: an empty secret field means the one saved with the last sign-in.
    const saved = await loadCredentials(this.deps.secrets);
    const savedSecret =
      saved?.oauth?.clientId === given.clientId ? saved.oauth.clientSecret : undefined;
    const secret = given.clientSecret === '' ? savedSecret : given.clientSecret;
    const client: OAuthClient = {
      clientId: given.clientId,
      ...(secret === undefined ? {} : { clientSecret: secret }),
    };
    if (webAuth === undefined) {
      return { ok: false, error: t('worker_no_web_auth') };
    }
    const endpoints = resolveEndpoints(serverUrl.trim(), this.deps.audience);
    if (!endpoints.ok) return { ok: false, error: endpoints.error };
    const signedIn = await signInWithWebex(
      { webAuth, http: (getToken) => this.httpFor(getToken), now: () => this.now() },
      serverUrl.trim(),
      endpoints.value.hydraBaseUrl,
      client,
    );
    if (!signedIn.ok) return { ok: false, error: signedIn.error };
    return this.serial(async () => {
      await this.signIn(signedIn.value);
      return { ok: true, account: signedIn.value.account };
    });
  }

  /** Replaces whoever was signed in: new credentials saved, the feed opened for them. */
  private async signIn(credentials: Credentials): Promise<void> {
    await this.close();
    await saveCredentials(this.deps.secrets, credentials);
    await settingsItem.update((settings) => ({
      ...settings,
      serverUrl: credentials.serverUrl,
      ...(credentials.oauth === undefined ? {} : { oauthClientId: credentials.oauth.clientId }),
    }));
    await this.open(credentials, { checkWatchList: true });
  }

  /**
   * Signs out: the feed stops, its WDM device is deleted, an OAuth sign-in's tokens are revoked,
   * and the tokens and presences are forgotten.
   */
  signOut(): Promise<ResponseMap['signOut']> {
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
      if (!this.session) return { ok: false, error: t('worker_connect_first_in_options') };
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
    if (!session) return { ok: false, error: t('worker_connect_first') };
    const resolved = await resolveContact(session.people, query, this.now());
    if (!resolved.ok) return { ok: false, error: resolved.error };
    const contact = resolved.value;
    let duplicate = false;
    await watchListItem.update((list) => {
      duplicate = list.some((c) => c.contactId === contact.contactId);
      return duplicate ? list : [...list, contact];
    });
    if (duplicate) return { ok: false, error: t('worker_already_listed', contact.displayName) };
    return { ok: true, contact };
  }

  /**
   * The People API of the signed-in session, for the contact requests (name search, bulk add,
   * import: src/background/contact-requests.ts); null when nobody is signed in.
   */
  async peopleApi(): Promise<PeopleApi | null> {
    await this.wake(); // a message may be what woke the worker: the session is rebuilt first
    return this.session?.people ?? null;
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
    const endpoints = resolveEndpoints(credentials.serverUrl, this.deps.audience);
    const tokens = new TokenKeeper(credentials, {
      http: this.httpFor(() => ''),
      hydraBaseUrl: endpoints.ok ? endpoints.value.hydraBaseUrl : credentials.serverUrl,
      revokeUrl: endpoints.ok ? endpoints.value.revokeUrl : credentials.serverUrl,
      save: (next) => saveCredentials(this.deps.secrets, next),
      now: () => this.now(),
    });
    const session: FeedSession = new FeedSession({
      tokens,
      gate: this.gate,
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
      check = (await checkWatchList(session, await watchListItem.get(), this.now())) ?? check;
    }
    // Read after the check: the list as it is now, not as it was before the awaits above.
    const contacts = await watchListItem.get();
    this.deps.mirror.retain(new Set(contacts.map((c) => c.contactId)));
    session.markInvalid(check.invalidIds, contacts);
    session.sync(contacts);
    // start() reports failures through onState and keeps retrying; it must not block the queue.
    session.start().catch((error: unknown) => console.error('Presence Lens: feed start', error));
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
    if (state.phase === 'signed-out' && session.tokens.canRefresh) {
      // A 401 with an OAuth sign-in: one silent refresh, then the feed starts again.
      void this.serial(() => this.refreshAfterRejection(session, state));
      return;
    }
    await this.publishState(session, state);
  }

  private async refreshAfterRejection(session: FeedSession, state: FeedState): Promise<void> {
    if (session !== this.session) return;
    // Once a minute at most: a token refused right after its refresh means the sign-in is dead.
    const recent = this.now() - this.lastRejectionRefresh < 60_000;
    this.lastRejectionRefresh = this.now();
    if (recent) {
      await this.publishState(session, state);
      return;
    }
    try {
      await session.tokens.refresh();
    } catch (error) {
      console.warn('Presence Lens: the sign-in could not be renewed', error);
      await this.publishState(session, state);
      return;
    }
    session.start().catch((error: unknown) => console.error('Presence Lens: restart', error));
  }

  private async publishState(session: FeedSession, state: FeedState): Promise<void> {
    await this.publish(connectionInfoOf(session.credentials, state));
  }

  private publish(info: ConnectionInfo): Promise<void> {
    return connectionItem.set(info);
  }

  /** Written only when it changes: every alarm and port wakes a signed-out worker. */
  private async publishSignedOut(): Promise<void> {
    const { serverUrl } = await settingsItem.get();
    const current = await connectionItem.get();
    if (!isSignedOutAt(current, serverUrl)) await this.publish(signedOutAt(serverUrl, this.now()));
  }
}
