import { randomUUID } from 'node:crypto';
import { DEVICES_PATH } from './paths.js';

export interface Device {
  id: string;
  /** The uuid of the user who registered it: WDM keeps devices per user. */
  userId: string;
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

/**
 * WDM's refusal of one device too many, word for word: the JS SDK (internal-plugin-device
 * 3.12.0, device.js `register`) compares `error.body.message` with exactly this string before it
 * lists the user's devices and deletes the oldest third.
 */
export const EXCESSIVE_REGISTRATIONS = 'User has excessive device registrations';

const DEVICE_PATH_RE = new RegExp(`${DEVICES_PATH}/([^/?#]+)`);

/** The device id inside a device URL (as sent in `cisco-device-url`), if it looks like one. */
export function deviceIdFromUrl(url: string): string | undefined {
  return DEVICE_PATH_RE.exec(url)?.[1];
}

export class DeviceStore {
  private readonly byId = new Map<string, Device>();

  register(input: DeviceInput, userId: string, now: number): Device {
    const device: Device = {
      id: randomUUID(),
      userId,
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

  listFor(userId: string): Device[] {
    return this.list().filter((d) => d.userId === userId);
  }

  countFor(userId: string): number {
    return this.listFor(userId).length;
  }

  /** How many devices each user has registered, by user uuid. */
  countsByUser(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const d of this.byId.values()) counts[d.userId] = (counts[d.userId] ?? 0) + 1;
    return counts;
  }

  clear(): void {
    this.byId.clear();
  }
}

function stripUndefined(input: DeviceInput): DeviceInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
