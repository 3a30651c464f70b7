import type { Route } from '../http.js';
import { json } from '../http.js';
import { HYDRA_BASE, WDM_BASE } from '../paths.js';
import type { EmulatorState } from '../state.js';

/** U2C service discovery: every service lives on this one host. */
export function catalogRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/u2c/api/v1/catalog',
      auth: true,
      handler: () =>
        json(200, {
          serviceLinks: {
            wdm: `${state.base}${WDM_BASE}`,
            apheleia: state.apheleiaBase,
            hydra: `${state.base}${HYDRA_BASE}`,
          },
          hostCatalog: {},
        }),
    },
  ];
}
