/**
 * One signed-in session: the Webex real-time source, the watcher over it, and one watch per
 * contact on the watch list. Created when credentials exist, disposed on sign-out.
 */
import type { PresenceHandle, Presence } from '../core/presence';
import { personIdToUuid } from '../core/hydra-id';
import { PresenceWatcher } from '../core/presence-watcher';
import type { WatchedContact } from '../shared/contact';
import { createHttpClient } from '../webex/http';
import { createPeopleApi, type PeopleApi, type Person } from '../webex/people-api';
import { resolveEndpoints } from '../webex/endpoints';
import type { FeedState } from '../webex/feed-state';
import { WebexPresenceSource } from '../webex/webex-presence-source';
import { consoleLogger } from '../webex/log';
import type { WebSocketConstructor } from '../webex/mercury';
import type { TokenAudience } from '../webex/token-audience';
import type { RequestGate } from '../webex/request-gate';
import type { Credentials } from './credentials';
import type { TokenKeeper } from './token-keeper';
import type { DeviceStore } from './device-store';

export interface FeedSessionDeps {
  /** The signed-in user's token (refreshed there when it is an OAuth sign-in). */
  readonly tokens: TokenKeeper;
  /** The worker's one request gate. */
  readonly gate: RequestGate;
  readonly fetch: typeof fetch;
  readonly WebSocket: WebSocketConstructor;
  readonly audience: TokenAudience;
  readonly deviceStore: DeviceStore;
  readonly onPresence: (presence: Presence) => void;
  readonly onState: (state: FeedState) => void;
}

export class FeedSession {
  readonly people: PeopleApi;
  private readonly source: WebexPresenceSource;
  private readonly watcher: PresenceWatcher;
  private readonly handles = new Map<string, PresenceHandle>();
  /** UUIDs the People API says cannot be watched (bots, people who no longer exist). */
  private readonly invalid = new Set<string>();

  constructor(private readonly deps: FeedSessionDeps) {
    const endpoints = resolveEndpoints(deps.tokens.credentials.serverUrl, deps.audience);
    if (!endpoints.ok) throw new Error(endpoints.error);
    const getToken = () => deps.tokens.accessToken();
    this.people = createPeopleApi(
      createHttpClient({ fetch: deps.fetch, getToken, audience: deps.audience, gate: deps.gate }),
      endpoints.value.hydraBaseUrl,
    );
    this.source = new WebexPresenceSource({
      fetch: deps.fetch,
      WebSocket: deps.WebSocket,
      endpoints: endpoints.value,
      audience: deps.audience,
      getToken,
      gate: deps.gate,
      deviceStore: deps.deviceStore,
      onState: deps.onState,
      log: consoleLogger,
    });
    this.watcher = new PresenceWatcher(this.source, {
      isKnownInvalid: (uuid) => this.invalid.has(uuid),
    });
  }

  get credentials(): Credentials {
    return this.deps.tokens.credentials;
  }

  get tokens(): TokenKeeper {
    return this.deps.tokens;
  }

  start(): Promise<void> {
    return this.source.start();
  }

  checkHealth(): Promise<void> {
    return this.source.checkHealth();
  }

  /** Makes the watches match the watch list: new contacts start, removed ones stop. */
  sync(contacts: readonly WatchedContact[]): void {
    const wanted = new Set(contacts.map((c) => c.contactId));
    const gone = [...this.handles].filter(([id]) => !wanted.has(id));
    if (gone.length > 0) {
      this.watcher.stopWatchingPresences(gone.map(([, handle]) => handle));
      for (const [id] of gone) this.handles.delete(id);
    }
    const added = [...wanted].filter((id) => !this.handles.has(id));
    if (added.length === 0) return;
    const handles = this.watcher.startWatchingPresences(added, this.deps.onPresence);
    for (const handle of handles) this.handles.set(handle.contactId, handle);
  }

  /**
   * Checks the watch list with `GET /people?id=` (85 ids a call). Returns the people found (for
   * refreshing names and emails) and the contacts that are bots or no longer exist.
   */
  async validate(
    contacts: readonly WatchedContact[],
  ): Promise<{ found: Map<string, Person>; invalidIds: string[] }> {
    const { items, notFoundIds } = await this.people.listByIds(contacts.map((c) => c.contactId));
    const invalidIds = [...notFoundIds, ...items.filter((p) => p.type === 'bot').map((p) => p.id)];
    this.markInvalid(invalidIds, contacts);
    return {
      found: new Map(items.filter((p) => p.type !== 'bot').map((p) => [p.id, p])),
      invalidIds,
    };
  }

  /** These contacts cannot be watched: their handles turn invalid and nothing is subscribed. */
  markInvalid(contactIds: readonly string[], contacts: readonly WatchedContact[]): void {
    for (const id of contactIds) {
      const uuid = personIdToUuid(id);
      if (uuid.ok) this.invalid.add(uuid.value);
    }
    const nowInvalid = [...this.handles].filter(
      ([, handle]) => handle.isValid && contactIds.includes(handle.contactId),
    );
    if (nowInvalid.length === 0) return;
    this.watcher.stopWatchingPresences(nowInvalid.map(([, handle]) => handle));
    for (const [id] of nowInvalid) this.handles.delete(id);
    this.sync(contacts);
  }

  async dispose(): Promise<void> {
    this.deps.tokens.dispose();
    this.watcher.dispose();
    await this.source.stop();
  }

  /** Like `dispose`, and the WDM device is deleted: the user signed out. */
  async signOut(): Promise<void> {
    this.deps.tokens.dispose();
    this.watcher.dispose();
    await this.source.unregister(); // with the token: the device is deleted first
    await this.deps.tokens.revoke();
  }
}
