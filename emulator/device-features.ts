/** The feature toggles WDM returns with a device, grouped as `features.{developer,entitlement,user}`. */

export interface FeatureToggle {
  key: string;
  /** WDM sends every value as a string; the SDK parses 'true'/'false' and numbers. */
  val: string;
  value: boolean | number | string;
  mutable: boolean;
  type: 'DEV' | 'USER' | 'ENTITLEMENT';
  lastModified: string;
}

export interface DeviceFeatures {
  developer: FeatureToggle[];
  entitlement: FeatureToggle[];
  user: FeatureToggle[];
}

const toggle = (
  type: FeatureToggle['type'],
  key: string,
  value: boolean,
  lastModified: string,
): FeatureToggle => ({ key, val: String(value), value, mutable: true, type, lastModified });

/** Presence is on for the signed-in user, as the SDK's `presence.isEnabled()` checks. */
export function deviceFeatures(lastModified: string): DeviceFeatures {
  return {
    developer: [],
    entitlement: [],
    user: [toggle('USER', 'user-presence-enabled', true, lastModified)],
  };
}
