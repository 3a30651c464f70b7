import type { Route } from '../http.js';
import { json } from '../http.js';
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
            wdm: `${state.base}/wdm/api/v1`,
            apheleia: `${state.base}/apheleia/api/v1`,
            hydra: `${state.base}/v1`,
          },
          hostCatalog: {},
        }),
    },
  ];
}
