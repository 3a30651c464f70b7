// Plays the browser's host permissions for UI tests (fake-browser leaves `permissions` unmocked).
// The spies are undone by `vi.restoreAllMocks()`.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

interface Origins {
  origins?: string[];
}
type Listener = (permissions: Origins) => void;

export interface FakePermissions {
  readonly held: Set<string>;
  /** What the user answers to the next prompt. */
  grant: boolean;
  /** The origins of each prompt, in order. */
  readonly prompts: string[][];
  /** The user revokes a host permission outside the extension (the browser's site menu). */
  revoke(origin: string): void;
}

export function fakePermissions(granted: readonly string[] = []): FakePermissions {
  const held = new Set(granted);
  const onAdded = new Set<Listener>();
  const onRemoved = new Set<Listener>();
  const api = fakeBrowser.permissions;
  const fake: FakePermissions = {
    held,
    grant: true,
    prompts: [],
    revoke(origin) {
      held.delete(origin);
      for (const listener of onRemoved) listener({ origins: [origin] });
    },
  };
  vi.spyOn(api, 'request').mockImplementation((async ({ origins = [] }: Origins) => {
    fake.prompts.push(origins);
    if (!fake.grant) return false;
    for (const origin of origins) held.add(origin);
    for (const listener of onAdded) listener({ origins });
    return true;
  }) as never);
  vi.spyOn(api, 'contains').mockImplementation((async ({ origins = [] }: Origins) =>
    origins.every((origin) => held.has(origin))) as never);
  for (const [event, listeners] of [
    [api.onAdded, onAdded],
    [api.onRemoved, onRemoved],
  ] as const) {
    vi.spyOn(event, 'addListener').mockImplementation(
      ((listener: Listener) => void listeners.add(listener)) as never,
    );
    vi.spyOn(event, 'removeListener').mockImplementation(
      ((listener: Listener) => void listeners.delete(listener)) as never,
    );
  }
  return fake;
}
