import { randomUUID } from 'node:crypto';
import { DEVICES_PATH } from './paths.js';

export interface Device {
  id: string;
  name: string;
  deviceType: string;
  model: string;
  creationTime: number;
  modificationTime: number;
}

export interface DeviceInput {
  name?: string;
  deviceType?: string;
  model?: string;
}

const DEVICE_PATH_RE = new RegExp(`${DEVICES_PATH}/([^/?#]+)`);

/** The device id inside a device URL (as sent in `cisco-device-url`), if it looks like one. */
export function deviceIdFromUrl(url: string): string | undefined {
  return DEVICE_PATH_RE.exec(url)?.[1];
}

export class DeviceStore {
  private readonly byId = new Map<string, Device>();

  register(input: DeviceInput, now: number): Device {
    const device: Device = {
      id: randomUUID(),
      name: input.name ?? 'browser',
      deviceType: input.deviceType ?? 'WEB',
      model: input.model ?? 'web-js-sdk',
      creationTime: now,
      modificationTime: now,
    };
    this.byId.set(device.id, device);
    return device;
  }

  get(id: string): Device | undefined {
    return this.byId.get(id);
  }

  refresh(id: string, input: DeviceInput, now: number): Device | undefined {
    const device = this.byId.get(id);
    if (!device) return undefined;
    Object.assign(device, stripUndefined(input), { modificationTime: now });
    return device;
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }

  list(): Device[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
  }
}

function stripUndefined(input: DeviceInput): DeviceInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
