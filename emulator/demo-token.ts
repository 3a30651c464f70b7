/**
 * The access token the emulator accepts unless told otherwise. Shaped like a real Webex user
 * token, `<token>_<cluster>_<orgId>`, because the JS SDK reads the org id from its last part
 * (credentials.getOrgId) before it asks for the limited service catalog.
 */
export const DEMO_ORG_ID = '6f2c3b4e-5a1d-4c8e-9b7a-2d4e6f8a0c1e';
export const DEMO_TOKEN = `ZGVtby10b2tlbi1wcmVzZW5jZS1sZW5zLWVtdWxhdG9y_P0A1_${DEMO_ORG_ID}`;
