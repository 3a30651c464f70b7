import { describe, expect, test, vi } from 'vitest';
import type { FeedController } from '../../../src/background/feed-controller';
import { createMessageListener } from '../../../src/background/message-handler';

const ORIGIN = 'chrome-extension://abc/';

function fakeController() {
  return {
    connect: vi.fn(async () => ({ ok: true, account: { displayName: 'D', email: 'd@x' } })),
    disconnect: vi.fn(async () => ({ ok: true })),
    addContact: vi.fn(async () => ({ ok: false, error: 'nope' })),
    removeContact: vi.fn(async () => ({ ok: true })),
  };
}

function ask(listener: ReturnType<typeof createMessageListener>, message: unknown, url: string) {
  return new Promise<unknown>((resolve) => {
    expect(listener(message, { url }, resolve)).toBe(true);
  });
}

describe('background message listener', () => {
  test('answers the extension pages', async () => {
    const controller = fakeController();
    const listener = createMessageListener(controller as unknown as FeedController, ORIGIN);
    const answer = await ask(
      listener,
      { type: 'removeContact', contactId: 'x' },
      `${ORIGIN}src/popup/index.html`,
    );
    expect(answer).toEqual({ ok: true });
    expect(controller.removeContact).toHaveBeenCalledWith('x');
  });

  test('refuses web pages and content scripts, and does nothing for them', async () => {
    const controller = fakeController();
    const listener = createMessageListener(controller as unknown as FeedController, ORIGIN);
    const refusal = { ok: false, error: expect.stringContaining('extension') };
    expect(await ask(listener, { type: 'disconnect' }, 'https://evil.example/')).toEqual(refusal);
    expect(await ask(listener, { type: 'disconnect' }, 'chrome-extension://other/x.html')).toEqual(
      refusal,
    );
    expect(controller.disconnect).not.toHaveBeenCalled();
  });

  test('a malformed request gets a clear error and reaches nothing', async () => {
    const controller = fakeController();
    const listener = createMessageListener(controller as unknown as FeedController, ORIGIN);
    expect(await ask(listener, { type: 'addContact', query: 5 }, `${ORIGIN}o.html`)).toEqual({
      ok: false,
      error: 'Bad request: addContact needs a query',
    });
    expect(controller.addContact).not.toHaveBeenCalled();
  });

  test('a failing operation becomes an error answer, not a dropped message', async () => {
    const controller = fakeController();
    controller.connect.mockRejectedValueOnce(new Error('boom'));
    const listener = createMessageListener(controller as unknown as FeedController, ORIGIN);
    expect(
      await ask(listener, { type: 'connect', serverUrl: 'u', token: 't' }, `${ORIGIN}o.html`),
    ).toEqual({
      ok: false,
      error: 'boom',
    });
  });
});
