import { HttpError } from '../http-error.js';
import type { Request, Route } from '../http.js';
import { json, param } from '../http.js';
import { isUuid, personIdFor, uuidFromIdOrUuid } from '../hydra-id.js';
import type { MercuryHub } from '../mercury.js';
import type { Person, PersonType } from '../people.js';
import { PERSON_TYPES } from '../people.js';
import type { EmulatorState } from '../state.js';
import { canonicalStatus, WIRE_STATUSES } from '../statuses.js';
import type { JsonObject } from '../validate.js';
import {
  expectObject,
  optionalBody,
  optionalBoolean,
  optionalDate,
  optionalString,
  optionalTtl,
  requiredString,
} from '../validate.js';

export interface DemoControl {
  start(): void;
  stop(): void;
}

export interface ControlDeps {
  state: EmulatorState;
  mercury: MercuryHub;
  demo: DemoControl;
}

function parseNewPerson(body: JsonObject): {
  displayName: string;
  emails: string[];
  type: PersonType;
  avatar: boolean;
  uuid?: string;
} {
  const displayName = requiredString(body, 'displayName');
  const emails = body.emails;
  if (
    !Array.isArray(emails) ||
    emails.length === 0 ||
    !emails.every((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+$/.test(e.trim()))
  ) {
    throw new HttpError(400, '"emails" must be a non-empty array of email addresses');
  }
  const type = optionalString(body, 'type') ?? 'person';
  if (!PERSON_TYPES.includes(type as PersonType)) {
    throw new HttpError(400, `"type" must be one of ${PERSON_TYPES.join(', ')}`);
  }
  const uuid = optionalString(body, 'uuid');
  if (uuid !== undefined && !isUuid(uuid)) throw new HttpError(400, '"uuid" must be a UUID');
  return {
    displayName,
    emails: emails as string[],
    type: type as PersonType,
    avatar: optionalBoolean(body, 'avatar') ?? false,
    ...(uuid ? { uuid } : {}),
  };
}

/** Emulator-only control API (no auth): people, presence, stats and reset. */
export function controlRoutes({ state, mercury, demo }: ControlDeps): Route[] {
  const summary = (p: Person) => ({
    id: personIdFor(p.uuid),
    uuid: p.uuid,
    displayName: p.displayName,
    emails: p.emails,
    type: p.type,
  });

  const addPerson = async (req: Request) => {
    const input = parseNewPerson(expectObject(await req.json()));
    const taken = input.emails.find((e) => state.people.findByEmail(e));
    if (taken) throw new HttpError(409, `Email ${taken} is already used by another person`);
    if (input.uuid && state.people.get(input.uuid))
      throw new HttpError(409, `uuid ${input.uuid} already exists`);
    return json(201, summary(state.addPerson(input)));
  };

  const setPresence = async (req: Request) => {
    const target = param(req, 'id');
    const uuid = uuidFromIdOrUuid(target);
    if (uuid === undefined || !state.people.get(uuid))
      throw new HttpError(404, `Person ${target} not found`);
    const body = expectObject(await req.json());
    const raw = requiredString(body, 'status');
    const status = canonicalStatus(raw);
    if (status === undefined)
      throw new HttpError(400, `"status" must be one of ${WIRE_STATUSES.join(', ')}`);
    const customStatus = optionalString(body, 'customStatus');
    const ttlSeconds = optionalTtl(body);
    const lastActive = optionalDate(body, 'lastActive');
    state.presence.set(uuid, { status, customStatus, ttlSeconds, lastActive });
    return json(200, state.composition(uuid));
  };

  const stats = () => {
    const now = state.now();
    return json(200, {
      requests: state.stats.requests,
      hosts: state.stats.hosts,
      subscriptions: state.subscriptions.live(now).map((s) => ({
        deviceUrl: state.deviceUrl(s.deviceId),
        subject: s.subject,
        expiresAt: new Date(s.expiresAt).toISOString(),
      })),
      sockets: mercury.describe(),
      subscriptionCalls: state.stats.subscriptionCalls,
      devices: { ...state.stats.devices, byUser: state.devices.countsByUser() },
      budget: state.stats.budget.toJson(now),
      oauth: state.stats.oauth,
    });
  };

  const reset = async (req: Request) => {
    const withDemo = optionalBoolean(await optionalBody(req), 'demo') ?? false;
    demo.stop();
    mercury.closeAll(1001, 'emulator reset');
    state.reset();
    if (withDemo) demo.start();
    return json(200, { ok: true, demo: withDemo });
  };

  return [
    { method: 'POST', pattern: '/_emu/people', auth: false, handler: addPerson },
    {
      method: 'GET',
      pattern: '/_emu/people',
      auth: false,
      handler: () =>
        json(200, {
          people: state.people.list().map((p) => ({
            ...summary(p),
            status: state.presence.get(p.uuid)?.status ?? 'unknown',
            signedIn: p.uuid === state.me.uuid,
          })),
        }),
    },
    { method: 'PUT', pattern: '/_emu/presence/:id', auth: false, handler: setPresence },
    { method: 'GET', pattern: '/_emu/stats', auth: false, handler: stats },
    { method: 'POST', pattern: '/_emu/reset', auth: false, handler: reset },
  ];
}
