import { deviceIdFromUrl } from '../devices.js';
import { HttpError } from '../http-error.js';
import type { Request, Route } from '../http.js';
import { json } from '../http.js';
import { APHELEIA_BASE } from '../paths.js';
import type { EmulatorState } from '../state.js';
import { canonicalStatus } from '../statuses.js';
import type { JsonObject } from '../validate.js';
import {
  expectObject,
  optionalBoolean,
  optionalNumber,
  optionalString,
  optionalTtl,
  requiredString,
  stringArray,
} from '../validate.js';

const MAX_SUBJECTS = 50;
const MAX_SUBSCRIPTION_TTL = 600;

function subjectsOf(body: JsonObject): string[] {
  const subjects = stringArray(body, 'subjects');
  if (subjects.length > MAX_SUBJECTS) {
    throw new HttpError(
      400,
      `At most ${MAX_SUBJECTS} subjects per request (got ${subjects.length})`,
    );
  }
  return subjects.map((s) => s.toLowerCase());
}

/** Presence: subscriptions keyed on the cisco-device-url header, compositions and events. */
export function apheleiaRoutes(state: EmulatorState): Route[] {
  /** The id of the registered device named by the cisco-device-url header. */
  const deviceIdOf = (req: Request): string => {
    const header = req.headers['cisco-device-url'];
    if (typeof header !== 'string' || header === '') {
      throw new HttpError(400, 'Missing cisco-device-url header');
    }
    const id = deviceIdFromUrl(header);
    if (id === undefined || !state.devices.get(id)) {
      throw new HttpError(400, `cisco-device-url ${header} is not a registered device`);
    }
    return id;
  };

  const subscribe = async (req: Request) => {
    const raw = await req.json();
    const header = req.headers['cisco-device-url'];
    const asObject = typeof raw === 'object' && raw !== null ? (raw as JsonObject) : {};
    state.stats.logSubscriptionCall({
      at: new Date(state.now()).toISOString(),
      deviceUrl: typeof header === 'string' ? header : '',
      subscriptionTtl: asObject.subscriptionTtl,
      subjects: Array.isArray(asObject.subjects) ? (asObject.subjects as unknown[]) : [],
    });
    const deviceId = deviceIdOf(req);
    const body = expectObject(raw);
    const subjects = subjectsOf(body);
    const requested = optionalNumber(body, 'subscriptionTtl', { min: 0 }) ?? MAX_SUBSCRIPTION_TTL;
    const includeStatus = optionalBoolean(body, 'includeStatus') ?? false;
    const ttl = Math.min(requested, MAX_SUBSCRIPTION_TTL);
    const now = state.now();
    const responses = subjects.map((subject) => {
      if (ttl === 0) {
        state.subscriptions.remove(deviceId, subject);
        return { subject, responseCode: 200, subscriptionTtl: 0 };
      }
      const fault = state.faults.subjectCodes.get(subject);
      if (fault) {
        const retry =
          fault.code === 409
            ? { retry: fault.retry ?? 30 }
            : fault.retry !== undefined
              ? { retry: fault.retry }
              : {};
        return {
          subject,
          responseCode: fault.code,
          ...retry,
          message: `Emulated ${fault.code} for ${subject}`,
        };
      }
      state.subscriptions.upsert(deviceId, subject, now + ttl * 1000);
      return {
        subject,
        responseCode: 200,
        subscriptionTtl: ttl,
        ...(includeStatus ? { status: state.composition(subject) } : {}),
      };
    });
    return json(200, { responses });
  };

  const setStatus = async (req: Request) => {
    const body = expectObject(await req.json());
    const subject = requiredString(body, 'subject').toLowerCase();
    const eventType = requiredString(body, 'eventType');
    const status = canonicalStatus(eventType);
    if (status === undefined) throw new HttpError(400, `Unknown eventType "${eventType}"`);
    if (status === 'inactive') {
      throw new HttpError(400, 'eventType "inactive" is not accepted: inactivity is derived');
    }
    const ttl = optionalTtl(body);
    const label = optionalString(body, 'label');
    const customStatus = optionalString(body, 'customStatus');
    if (!state.people.get(subject)) throw new HttpError(404, `Unknown subject ${subject}`);
    state.presence.set(subject, { status, ttlSeconds: ttl, customStatus });
    return json(200, {
      subject,
      eventType: status,
      ...(label !== undefined ? { label } : {}),
      ...(ttl !== undefined ? { ttl } : {}),
    });
  };

  return [
    { method: 'POST', pattern: `${APHELEIA_BASE}/subscriptions`, auth: true, handler: subscribe },
    {
      method: 'GET',
      pattern: `${APHELEIA_BASE}/subscriptions`,
      auth: true,
      handler: (req) => {
        const now = state.now();
        const subscriptions = state.subscriptions.forDevice(deviceIdOf(req), now).map((s) => ({
          deviceUrl: state.deviceUrl(s.deviceId),
          subject: s.subject,
          subscriptionTtl: Math.ceil((s.expiresAt - now) / 1000),
        }));
        return json(200, { subscriptions });
      },
    },
    {
      method: 'POST',
      pattern: `${APHELEIA_BASE}/compositions`,
      auth: true,
      handler: async (req) => {
        const subjects = subjectsOf(expectObject(await req.json()));
        return json(200, { statusList: subjects.map((s) => state.composition(s)) });
      },
    },
    {
      method: 'GET',
      pattern: `${APHELEIA_BASE}/compositions`,
      auth: true,
      handler: (req) => {
        const userId = req.query.get('userId');
        if (!userId) throw new HttpError(400, 'Missing userId query parameter');
        return json(200, state.composition(userId.toLowerCase()));
      },
    },
    { method: 'POST', pattern: `${APHELEIA_BASE}/events`, auth: true, handler: setStatus },
  ];
}
