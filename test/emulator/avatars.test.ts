import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness } from './helpers.js';

let h: Harness;

beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emu.close());

describe('avatars', () => {
  it('gives people made with a picture an avatar URL that serves an image without a token', async () => {
    const made = await h.control('POST', '/_emu/people', {
      displayName: 'Ada Lovelace',
      emails: ['ada@example.com'],
      avatar: true,
    });
    const person = await h.call('GET', `/v1/people/${String(made.body.id)}`);
    const avatar = String(person.body.avatar);
    expect(avatar).toBe(`${h.base}/avatars/${String(made.body.uuid)}~1600`);
    const image = await fetch(avatar);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('has none for people without a picture, and 404s their URL and unknown ones', async () => {
    const made = await h.control('POST', '/_emu/people', {
      displayName: 'Alan Turing',
      emails: ['alan@example.com'],
    });
    const person = await h.call('GET', `/v1/people/${String(made.body.id)}`);
    expect(person.body).not.toHaveProperty('avatar');
    for (const file of [`${String(made.body.uuid)}~1600`, 'not-a-uuid', '../people/me']) {
      expect((await fetch(`${h.base}/avatars/${file}`)).status).toBe(404);
    }
  });

  it('refuses an avatar flag that is not true or false', async () => {
    const res = await h.control('POST', '/_emu/people', {
      displayName: 'Grace Hopper',
      emails: ['grace@example.com'],
      avatar: 'yes',
    });
    expect(res.status).toBe(400);
  });
});
