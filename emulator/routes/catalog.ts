import { HttpError } from '../http-error.js';
import type { Request, Route } from '../http.js';
import { json } from '../http.js';
import { HYDRA_BASE, WDM_BASE } from '../paths.js';
import type { EmulatorState } from '../state.js';
import { METRICS_BASE } from './metrics.js';

/** What the limited (pre-auth) catalog needs to know whose catalog to return. */
const LIMITED_SELECTORS = ['orgId', 'email', 'emailhash', 'userId', 'mode'] as const;

/**
 * U2C service discovery in the `format=hostmap` shape; every service lives on this one host.
 * `hostCatalog` stays empty: the JS SDK keys it by `host:port` but rewrites request URLs with
 * the entries' bare hostnames, which would drop the emulator's port (real hosts use 443).
 */
function hostmap(state: EmulatorState): object {
  return {
    serviceLinks: {
      wdm: `${state.base}${WDM_BASE}`,
      apheleia: state.apheleiaBase,
      hydra: `${state.base}${HYDRA_BASE}`,
      metrics: `${state.base}${METRICS_BASE}`,
      ...state.faults.catalogLinks,
    },
    hostCatalog: {},
  };
}

function limitedCatalog(state: EmulatorState, req: Request): object {
  if (!LIMITED_SELECTORS.some((key) => (req.query.get(key) ?? '') !== '')) {
    throw new HttpError(400, `One of ${LIMITED_SELECTORS.join(', ')} is required`);
  }
  return hostmap(state);
}

export function catalogRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/u2c/api/v1/catalog',
      auth: true,
      handler: () => json(200, hostmap(state)),
    },
    {
      // Asked before sign-in, without a token: the JS SDK sends `orgId` (read from the token),
      // `emailhash` or `mode=DEFAULT_BY_PROXIMITY`, always with `format=hostmap`.
      method: 'GET',
      pattern: '/u2c/api/v1/limited/catalog',
      auth: false,
      handler: (req) => json(200, limitedCatalog(state, req)),
    },
  ];
}
