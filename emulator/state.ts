import { randomUUID } from 'node:crypto';
import type { Composition } from './composition.js';
import { buildComposition } from './composition.js';
import { DeviceStore } from './devices.js';
import { Faults } from './faults.js';
import { OAuthClients } from './oauth-clients.js';
import { OAuthStore } from './oauth-store.js';
import type { NewPerson, Person } from './people.js';
import { PeopleStore } from './people.js';
import { APHELEIA_BASE, DEVICES_PATH, MERCURY_REGISTRATIONS } from './paths.js';
import { PresenceStore } from './presence.js';
import { Stats } from './stats.js';
import { SubscriptionStore } from './subscriptions.js';

export type EventSink = (deviceId: string, data: object) => void;

/** Everything the emulator knows, shared by the HTTP routes and the Mercury hub. */
export class EmulatorState {
  base = '';
  readonly people = new PeopleStore();
  readonly presence: PresenceStore;
  readonly devices = new DeviceStore();
  readonly subscriptions = new SubscriptionStore();
  readonly stats = new Stats();
  readonly faults = new Faults();
  readonly orgUuid = randomUUID();
  readonly me: Person;
  /** The integrations /v1/authorize and /v1/access_token know. */
  readonly oauthClients = new OAuthClients();
  /** Consent forms, codes and tokens the OAuth routes handed out. */
  readonly oauth: OAuthStore;
  /** Wired to the Mercury hub by the server; a no-op until then. */
  pushEvent: EventSink = () => {};

  constructor(
    readonly now: () => number,
    private readonly tokens: readonly string[],
  ) {
    this.presence = new PresenceStore(now, (uuid) => this.fanOut(uuid));
    this.oauth = new OAuthStore(now, this.orgUuid);
    this.me = this.addPerson({ displayName: 'Demo User', emails: ['demo.user@example.com'] });
  }

  /** The port the emulator listens on (0 until it listens). */
  get port(): number {
    return this.base === '' ? 0 : Number(new URL(this.base).port);
  }

  get apheleiaBase(): string {
    return `${this.base}${APHELEIA_BASE}`;
  }

  deviceUrl(deviceId: string): string {
    return `${this.base}${DEVICES_PATH}/${deviceId}`;
  }

  webSocketUrl(deviceId: string): string {
    return `${this.base.replace(/^http/, 'ws')}${MERCURY_REGISTRATIONS}/${deviceId}/messages`;
  }

  /** A configured token or a live OAuth-issued one, either not revoked by the `revokeTokens` knob. */
  acceptsToken(token: string): boolean {
    const known = this.tokens.includes(token) || this.oauth.acceptsAccessToken(token);
    return known && !this.faults.revokedTokens.has(token);
  }

  /** The uuid of the user a token signs in: every accepted token is the one signed-in user. */
  userFor(_token: string): string {
    return this.me.uuid;
  }

  /** People start present (bots: unknown) so a fresh contact has something to show. */
  addPerson(input: NewPerson): Person {
    const person = this.people.add(input, this.now());
    this.presence.set(person.uuid, { status: person.type === 'bot' ? 'unknown' : 'active' });
    return person;
  }

  composition(uuid: string): Composition {
    return buildComposition(this.apheleiaBase, uuid, this.presence.get(uuid), this.now());
  }

  private fanOut(uuid: string): void {
    const devices = this.subscriptions.devicesFor(uuid, this.now());
    if (devices.length === 0) return;
    const data = { eventType: 'apheleia.subscription_update', ...this.composition(uuid) };
    for (const deviceId of new Set(devices)) this.pushEvent(deviceId, data);
  }

  sweep(): void {
    this.subscriptions.sweep(this.now());
    this.presence.sweep();
    this.oauth.sweep();
  }

  forgetDevices(): void {
    this.devices.clear();
    this.loseSubscriptions();
  }

  /** Apheleia forgets who watches whom, silently: no push, no notice, devices and sockets stay. */
  loseSubscriptions(): void {
    this.subscriptions.clear();
  }

  /** Back to a fresh start: only the signed-in user remains, present. */
  reset(): void {
    this.people.removeAllExcept(this.me.uuid);
    this.presence.clear();
    this.presence.set(this.me.uuid, { status: 'active' });
    this.forgetDevices();
    this.stats.clear();
    this.faults.clear();
    this.oauthClients.clear();
    this.oauth.forgetPending();
  }
}
