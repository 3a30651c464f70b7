import { HttpError } from '../http-error.js';
import type { Route } from '../http.js';
import { param } from '../http.js';
import { isUuid } from '../hydra-id.js';
import type { EmulatorState } from '../state.js';

/**
 * Profile pictures, as Webex serves them from its avatar CDN: a public URL (no token), one per
 * person who has a picture, with the size last (`…~1600`, as in real avatar URLs). The emulator
 * draws each one: a coloured disc with a head and shoulders, the colour from the person's id.
 */
const AVATARS = '/avatars';

export function avatarUrl(base: string, uuid: string): string {
  return `${base}${AVATARS}/${uuid}~1600`;
}

function hueOf(uuid: string): number {
  let hash = 0;
  for (const char of uuid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function avatarSvg(uuid: string): string {
  const hue = hueOf(uuid);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    `<circle cx="32" cy="32" r="32" fill="hsl(${hue} 45% 45%)"/>` +
    `<circle cx="32" cy="25" r="11" fill="hsl(${hue} 60% 88%)"/>` +
    `<path d="M12 56c3-11 11-17 20-17s17 6 20 17a31 31 0 0 1-40 0z" fill="hsl(${hue} 60% 88%)"/>` +
    '</svg>'
  );
}

export function avatarRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${AVATARS}/:file`,
      auth: false,
      handler: (req) => {
        const file = param(req, 'file');
        const uuid = file.replace(/~\d+$/, '');
        const person = isUuid(uuid) ? state.people.get(uuid) : undefined;
        if (!person?.avatar) throw new HttpError(404, `No avatar ${file}`);
        return {
          status: 200,
          file: { contentType: 'image/svg+xml', body: avatarSvg(person.uuid) },
          headers: { 'cache-control': 'public, max-age=3600' },
        };
      },
    },
  ];
}
