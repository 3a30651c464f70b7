// Plays the background for UI tests: records each request and answers it like the real one would.
import { fakeBrowser } from '@webext-core/fake-browser';
import type { UiRequest } from '../../../src/shared/messages';

export type Answer = (request: UiRequest) => unknown;

export interface FakeBackground {
  readonly requests: UiRequest[];
  answer: Answer;
  /** Holds answers until `release()`, to look at the page while a request is pending. */
  hold(): void;
  release(): void;
}

export function fakeBackground(answer: Answer = () => ({ ok: true })): FakeBackground {
  let held: (() => void)[] | null = null;
  const background: FakeBackground = {
    requests: [],
    answer,
    hold: () => {
      held = [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
  };
  // The fake waits for `sendResponse` when a listener resolves to true, as Chrome does.
  fakeBrowser.runtime.onMessage.addListener(async (message, _sender, sendResponse) => {
    const request = message as UiRequest;
    background.requests.push(request);
    const send = () => sendResponse(background.answer(request));
    if (held) held.push(send);
    else send();
    return true;
  });
  return background;
}
