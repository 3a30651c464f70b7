/** Building on base URLs from the user and from Webex (which ones we accept: core/url-scheme.ts). */

const SLASH = 0x2f;

/**
 * Drops every trailing `/`. A loop, not `/\/+$/`: that regex retries from each slash of a long
 * run, which is quadratic on text from the network.
 */
export function withoutTrailingSlash(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === SLASH) end--;
  return url.slice(0, end);
}

function withoutLeadingSlash(path: string): string {
  let start = 0;
  while (start < path.length && path.charCodeAt(start) === SLASH) start++;
  return path.slice(start);
}

/** `base` + `/` + `path`, whatever slashes either ends with (catalog links may end in one). */
export function joinUrl(base: string, path: string): string {
  return `${withoutTrailingSlash(base)}/${withoutLeadingSlash(path)}`;
}
