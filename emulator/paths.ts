// Where each emulated service lives on the emulator's one host. Routes, absolute URLs handed
// to clients (catalog, device and websocket URLs) and URL parsing all build on these.

export const WDM_BASE = '/wdm/api/v1';
export const DEVICES_PATH = `${WDM_BASE}/devices`;
export const APHELEIA_BASE = '/apheleia/api/v1';
export const HYDRA_BASE = '/v1';
export const MERCURY_REGISTRATIONS = '/v1/apps/wx2/registrations';

/** The identity broker's token revocation (idbroker.webex.com on the real cloud). */
export const REVOKE_PATH = '/idb/oauth2/v1/revoke';
