import type { Device, DeviceInput } from '../devices.js';
import { HttpError } from '../http-error.js';
import type { Request, Route } from '../http.js';
import { json, param } from '../http.js';
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
    userId: state.me.uuid,
    orgId: state.orgUuid,
    deviceType: d.deviceType,
    name: d.name,
    model: d.model,
    features: { developer: [], entitlement: [], user: [] },
    creationTime: iso(d.creationTime),
    modificationTime: iso(d.modificationTime),
  });
  const etag = (d: Device): Record<string, string> => ({ etag: `"${d.id}-${d.modificationTime}"` });
  const known = (id: string): Device => {
    const device = state.devices.get(id);
    if (!device) throw new HttpError(404, `Device ${id} is not registered`);
    return device;
  };

  return [
    {
      method: 'POST',
      pattern: DEVICES_PATH,
      auth: true,
      handler: async (req) => {
        const device = state.devices.register(await deviceInput(req), state.now());
        return json(200, toJson(device), etag(device));
      },
    },
    {
      method: 'GET',
      pattern: DEVICES_PATH,
      auth: true,
      handler: () => json(200, { devices: state.devices.list().map(toJson) }),
    },
    {
      method: 'GET',
      pattern: `${DEVICES_PATH}/:id`,
      auth: true,
      handler: (req) => {
        const device = known(param(req, 'id'));
        return json(200, toJson(device), etag(device));
      },
    },
    {
      method: 'PUT',
      pattern: `${DEVICES_PATH}/:id`,
      auth: true,
      handler: async (req) => {
        const id = param(req, 'id');
        const device = state.devices.refresh(id, await deviceInput(req), state.now());
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
        known(id);
        state.devices.remove(id);
        state.subscriptions.removeDevice(id);
        return { status: 204 };
      },
    },
  ];
}
