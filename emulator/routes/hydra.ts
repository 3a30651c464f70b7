import { HttpError } from '../http-error.js';
import type { Route } from '../http.js';
import { json, param } from '../http.js';
import { decodePersonId, encodeHydraId, personIdFor } from '../hydra-id.js';
import type { Person } from '../people.js';
import { HYDRA_BASE } from '../paths.js';
import { avatarUrl } from './avatars.js';
import type { EmulatorState } from '../state.js';
import { restStatus } from '../statuses.js';

const MAX_IDS = 85;

/** Public REST People API. Presence uses the nine REST spellings (see statuses.ts). */
export function hydraRoutes(state: EmulatorState): Route[] {
  const toJson = (p: Person, withStatus: boolean): object => {
    const base = {
      id: personIdFor(p.uuid),
      emails: p.emails,
      displayName: p.displayName,
      firstName: p.firstName,
      lastName: p.lastName,
      orgId: encodeHydraId('ORGANIZATION', state.orgUuid),
      type: p.type,
      ...(p.avatar ? { avatar: avatarUrl(state.base, p.uuid) } : {}),
      created: new Date(p.created).toISOString(),
    };
    if (!withStatus) return base;
    const record = state.presence.get(p.uuid);
    return {
      ...base,
      status: record ? restStatus(record.status) : 'unknown',
      ...(record?.lastActive !== undefined
        ? { lastActivity: new Date(record.lastActive).toISOString() }
        : {}),
    };
  };

  const byIds = (raw: string) => {
    const ids = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length > MAX_IDS) {
      throw new HttpError(400, `At most ${MAX_IDS} ids per request (got ${ids.length})`);
    }
    const items: object[] = [];
    const notFoundIds: string[] = [];
    for (const id of ids) {
      const uuid = decodePersonId(id);
      const person = uuid !== undefined ? state.people.get(uuid) : undefined;
      if (person) items.push(toJson(person, false));
      else notFoundIds.push(id);
    }
    return json(200, { items, notFoundIds });
  };

  const maxOf = (raw: string | null): number => {
    if (raw === null) return 100;
    const max = Number(raw);
    if (!Number.isInteger(max) || max < 1)
      throw new HttpError(400, '"max" must be a positive integer');
    return max;
  };

  return [
    {
      method: 'GET',
      pattern: `${HYDRA_BASE}/people/me`,
      auth: true,
      handler: () => json(200, toJson(state.me, true)),
    },
    {
      method: 'GET',
      pattern: `${HYDRA_BASE}/people/:id`,
      auth: true,
      handler: (req) => {
        const id = param(req, 'id');
        const uuid = decodePersonId(id);
        const person = uuid !== undefined ? state.people.get(uuid) : undefined;
        if (!person) throw new HttpError(404, `Person ${id} not found`);
        return json(200, toJson(person, true));
      },
    },
    {
      method: 'GET',
      pattern: `${HYDRA_BASE}/people`,
      auth: true,
      handler: (req) => {
        const { query } = req;
        const id = query.get('id');
        if (id !== null) return byIds(id);
        const max = maxOf(query.get('max'));
        const email = query.get('email');
        if (email !== null) {
          const person = state.people.findByEmail(email);
          return json(200, { items: person ? [toJson(person, true)] : [] });
        }
        const name = query.get('displayName');
        if (name !== null && name !== '') {
          const people = state.people.searchByName(name, max);
          return json(200, { items: people.map((p) => toJson(p, true)) });
        }
        throw new HttpError(
          400,
          'One of the query parameters id, email or displayName is required',
        );
      },
    },
  ];
}
