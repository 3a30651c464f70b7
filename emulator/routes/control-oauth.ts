import type { Route } from '../http.js';
import { json } from '../http.js';
import { parseClient } from '../oauth-clients.js';
import type { EmulatorState } from '../state.js';

/** Registered integrations: the demo client, plus any a test adds. */
export function oauthControlRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/_emu/oauth/clients',
      auth: false,
      handler: async (req) => {
        const client = parseClient(await req.json());
        state.oauthClients.add(client);
        return json(201, {
          clientId: client.clientId,
          confidential: client.clientSecret !== undefined,
          redirectUris: client.redirectUris,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/_emu/oauth/clients',
      auth: false,
      handler: () => json(200, { clients: state.oauthClients.list() }),
    },
  ];
}
