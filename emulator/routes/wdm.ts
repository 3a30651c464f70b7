import { deviceFeatures } from '../device-features.js';
import type { Device, DeviceInput } from '../devices.js';
import { EXCESSIVE_REGISTRATIONS } from '../devices.js';
import { HttpError } from '../http-error.js';
import type { Request, Route } from '../http.js';
import { bearerToken, json, param } from '../http.js';
import { DEVICES_PATH } from '../paths.js';
import type { EmulatorState } from '../state.js';
import { optionalBody, optionalString } from '../validate.js';

async function deviceInput(req: Request): Promise<DeviceInput> {
  const body = await optionalBody(req);
  return {
    name: optionalString(body, 'name'),
    deviceType: optionalString(body, 'deviceType'),
    model: optionalString(body, 'model'),
  };
}

/** WDM device registration. Devices are only remembered in memory. */
export function wdmRoutes(state: EmulatorState): Route[] {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const toJson = (d: Device): object => ({
    url: state.deviceUrl(d.id),
    webSocketUrl: state.webSocketUrl(d.id),
    userId: d.userId,
    orgId: state.orgUuid,
    deviceType: d.deviceType,
    name: d.name,
    model: d.model,
    features: deviceFeatures(iso(d.creationTime)),
    creationTime: iso(d.creationTime),
    modificationTime: iso(d.modificationTime),
  });
  const etag = (d: Device): Record<string, string> => ({ etag: `"${d.id}-${d.modificationTime}"` });
  /** Devices are per user: the token's user (the route is authenticated, so there is one). */
  const ownerOf = (req: Request): string =>
    state.userFor(bearerToken(req.headers.authorization) ?? '');
  /** The caller's device; another user's device is as unknown as a missing one. */
  const known = (req: Request, id: string): Device => {
    const device = state.devices.get(id);
    if (!device || device.userId !== ownerOf(req))
      throw new HttpError(404, `Device ${id} is not registered`);
    return device;
  };
  /** The maxDevices knob: one device too many is refused as WDM does (403, SDK-matched message). */
  const assertRoomFor = (userId: string): void => {
    const limit = state.faults.maxDevices;
    if (limit === undefined || state.devices.countFor(userId) < limit) return;
    state.stats.countDevice('rejected');
    throw new HttpError(403, EXCESSIVE_REGISTRATIONS);
  };

  return [
    {
      method: 'POST',
      pattern: DEVICES_PATH,
      auth: true,
      handler: async (req) => {
        const input = await deviceInput(req);
        const userId = ownerOf(req);
        assertRoomFor(userId);
        const device = state.devices.register(input, userId, state.now());
        state.stats.countDevice('registered');
        return json(200, toJson(device), etag(device));
      },
    },
    {
      method: 'GET',
      pattern: DEVICES_PATH,
      auth: true,
      handler: (req) => json(200, { devices: state.devices.listFor(ownerOf(req)).map(toJson) }),
    },
    {
      method: 'GET',
      pattern: `${DEVICES_PATH}/:id`,
      auth: true,
      handler: (req) => {
        const device = known(req, param(req, 'id'));
        return json(200, toJson(device), etag(device));
      },
    },
    {
      method: 'PUT',
      pattern: `${DEVICES_PATH}/:id`,
      auth: true,
      handler: async (req) => {
        const id = param(req, 'id');
        const input = await deviceInput(req);
        known(req, id);
        const device = state.devices.refresh(id, input, state.now());
        if (!device) throw new HttpError(404, `Device ${id} is not registered`);
        return json(200, toJson(device), etag(device));
      },
    },
    {
      method: 'DELETE',
      pattern: `${DEVICES_PATH}/:id`,
      auth: true,
      handler: (req) => {
        const id = param(req, 'id');
        known(req, id);
        state.devices.remove(id);
        state.subscriptions.removeDevice(id);
        state.stats.countDevice('deleted');
        return { status: 204 };
      },
    },
  ];
}
