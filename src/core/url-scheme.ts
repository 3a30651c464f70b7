/** Which URLs we accept, by scheme: base URLs from the user (Options) and from Webex. */

const HTTP_SCHEMES: readonly string[] = ['https:', 'http:'];

/** Whether `value` is a URL with one of these schemes (`'wss:'`, with the colon). */
export function hasScheme(value: unknown, schemes: readonly string[]): value is string {
  if (typeof value !== 'string') return false;
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** https, or http for a local emulator. (Both schemes require a host, so one is always there.) */
export function isHttpUrl(value: unknown): value is string {
  return hasScheme(value, HTTP_SCHEMES);
}
