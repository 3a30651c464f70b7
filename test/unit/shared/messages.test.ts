import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test } from 'vitest';
import { parseUiRequest, sendRequest } from '../../../src/shared/messages';

describe('parseUiRequest', () => {
  test('accepts each well-formed request', () => {
    expect(
      parseUiRequest({ type: 'connect', serverUrl: 'http://127.0.0.1:1', token: 't' }).ok,
    ).toBe(true);
    expect(parseUiRequest({ type: 'signOut' }).ok).toBe(true);
    expect(parseUiRequest({ type: 'reconnect', extra: 1 })).toEqual({
      ok: true,
      value: { type: 'reconnect' },
    });
    expect(parseUiRequest({ type: 'addContact', query: 'a@b.c' }).ok).toBe(true);
    expect(parseUiRequest({ type: 'removeContact', contactId: 'x' }).ok).toBe(true);
    expect(parseUiRequest({ type: 'allowSite', site: '*.example.com' })).toEqual({
      ok: true,
      value: { type: 'allowSite', site: '*.example.com' },
    });
    expect(parseUiRequest({ type: 'removeSite', site: '*.example.com', extra: 1 })).toEqual({
      ok: true,
      value: { type: 'removeSite', site: '*.example.com' },
    });
  });

  test('rejects malformed requests with a reason', () => {
    expect(parseUiRequest(null)).toEqual({ ok: false, error: 'a request needs a type' });
    expect(parseUiRequest({ type: 'connect', serverUrl: 1 })).toMatchObject({ ok: false });
    expect(parseUiRequest({ type: 'addContact' })).toMatchObject({
      ok: false,
      error: 'addContact: query is missing',
    });
    expect(parseUiRequest({ type: 'allowSite', site: ['a'] })).toEqual({
      ok: false,
      error: 'allowSite: site needs text of at most 1000 characters',
    });
    expect(parseUiRequest({ type: 'removeSite' })).toEqual({
      ok: false,
      error: 'removeSite: site is missing',
    });
    expect(parseUiRequest({ type: 'formatDisk' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown'),
    });
  });
});

describe('sendRequest', () => {
  test('passes the validated answer through', async () => {
    fakeBrowser.runtime.onMessage.addListener((_m, _s, sendResponse) => {
      sendResponse({
        ok: true,
        contact: { contactId: 'id', displayName: 'Ada', emails: ['a@x'], addedAt: 1 },
      });
      return true;
    });
    expect(await sendRequest({ type: 'addContact', query: 'a@x' })).toEqual({
      ok: true,
      contact: { contactId: 'id', displayName: 'Ada', emails: ['a@x'], addedAt: 1 },
    });
  });

  test('turns a malformed answer into a failure instead of trusting it', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({
      ok: true,
      account: { displayName: 3 },
    }));
    expect(await sendRequest({ type: 'connect', serverUrl: 'x', token: 'y' })).toMatchObject({
      ok: false,
    });
  });

  test('checks an allowed site in the answer like a stored one', async () => {
    const site = {
      site: 'https://jira.example.com',
      matchPatterns: ['https://jira.example.com/*'],
      addedAt: 1,
    };
    fakeBrowser.runtime.onMessage.addListener((_m, _s, sendResponse) => {
      sendResponse({ ok: true, site });
      return true;
    });
    expect(await sendRequest({ type: 'allowSite', site: site.site })).toEqual({ ok: true, site });
  });

  test('refuses an allowed site whose match patterns do not belong to it', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({
      ok: true,
      site: { site: 'https://jira.example.com', matchPatterns: ['<all_urls>'], addedAt: 1 },
    }));
    expect(
      await sendRequest({ type: 'allowSite', site: 'https://jira.example.com' }),
    ).toMatchObject({ ok: false });
  });

  test('never rejects when nobody answers', async () => {
    const answer = await sendRequest({ type: 'signOut' });
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('background') });
  });
});
