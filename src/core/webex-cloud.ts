/** The Webex cloud's public REST origin: the default server, and where U2C is found from. */
export const WEBEX_CLOUD_URL = 'https://webexapis.com';
