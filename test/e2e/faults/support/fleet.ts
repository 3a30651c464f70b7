/**
 * A fault-matrix fleet: the emulator, Chromium with the built extension on a profile of our own
 * (so a case can close and reopen the browser on it), signed in, watching 60 contacts.
 *
 * The 60 contacts are written straight into the watch list from an extension page (the
 * `watchList` item's `{v, value}` envelope of src/shared/typed-storage.ts, each a
 * src/shared/contact.ts WatchedContact with the Hydra id from the emulator): adding 60 people
 * through the options page one by one would take most of a minute per case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../../../emulator/server';
import {
  launchExtension,
  reinstallExtension,
  stopServiceWorker,
  type LaunchedExtension,
} from '../../../../scripts/lib/launch-extension';
import { emulatorControl, type EmuPerson } from '../../../support/emulator-control';
import { TOKEN } from '../../support/session';

export { CONTACTS } from './constants';
import { CONTACTS } from './constants';
import { signInViaOptions } from '../../../../scripts/lib/sign-in-via-options';
export const WATCH_LIST_KEY = 'watchList';

/** The wire statuses a case moves people through, and what the popup calls each. */
export const STATUS_LABEL: Readonly<Record<string, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  dnd: 'Do not disturb',
  quiet: 'Quiet hours',
  busy: 'Busy',
  ooo: 'Out of office',
  call: 'In a call',
  meeting: 'In a meeting',
  presenting: 'Presenting',
  calendarItem: 'Calendar event',
  pending: 'Pending',
  unknown: 'Unknown',
};
/** What the People API's nine statuses make of the others (emulator/README.md, People). */
const REST_VIEW: Readonly<Record<string, string>> = {
  busy: 'active',
  quiet: 'dnd',
  calendarItem: 'meeting',
};

const CYCLE = ['meeting', 'call', 'dnd', 'presenting', 'ooo', 'busy', 'quiet', 'active'] as const;

export interface PopupRowState {
  name: string;
  status: string;
  lastKnown: boolean;
}

/** The watched contact as stored (src/shared/contact.ts). */
export interface StoredContact {
  contactId: string;
  displayName: string;
  emails: string[];
  addedAt: number;
}

export function contactOf(person: EmuPerson, addedAt = Date.now()): StoredContact {
  return {
    contactId: person.id,
    displayName: person.displayName,
    emails: person.emails,
    addedAt,
  };
}

/** More of the control API than test/support/emulator-control.ts has. */
export function moreControl(baseUrl: string) {
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${p}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${p} -> ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    clearFaults: () => call<unknown>('DELETE', '/_emu/faults'),
    faultsNow: () => call<{ heldRequests: number }>('GET', '/_emu/faults'),
    people: () =>
      call<{ people: { id: string; uuid: string; displayName: string; status: string }[] }>(
        'GET',
        '/_emu/people',
      ),
    shutdown: (afterMs: number) => call<unknown>('POST', '/_emu/sockets/shutdown', { afterMs }),
    skipSequence: () => call<unknown>('POST', '/_emu/sequence/skip', {}),
    push: (raw: unknown) => call<{ sent: number }>('POST', '/_emu/push', { raw }),
    setPresence: (uuid: string, status: string) =>
      call<unknown>('PUT', `/_emu/presence/${encodeURIComponent(uuid)}`, { status }),
    rawStats: () => call<RawStats>('GET', '/_emu/stats'),
  };
}

export interface BudgetSummary {
  total: number;
  peakPerSecond: number;
  peakAt: string | null;
  byMinute: { minute: string; count: number }[];
  byRoute?: Record<string, { total: number; byMinute: { minute: string; count: number }[] }>;
}

export interface RawStats {
  requests: Record<string, number>;
  sockets: { deviceUrl: string; authorized: boolean; connectedAt: string }[];
  subscriptions: { subject: string }[];
  subscriptionCalls: { at: string; subjects: string[] }[];
  /** Being added to the emulator (issue 8): absent on an older emulator. */
  budget?: BudgetSummary;
}

export interface FleetSetup {
  /** Runs against the emulator before the browser starts and signs in. */
  readonly beforeSignIn?: (baseUrl: string) => Promise<void>;
  /** Skip waiting for every row to be true and the feed live (a case that breaks sign-in). */
  readonly noReadyWait?: boolean;
}

export class Fleet {
  readonly control: ReturnType<typeof emulatorControl>;
  readonly more: ReturnType<typeof moreControl>;
  /** What each contact's status is at the emulator, as we set it (wire spelling), by uuid. */
  readonly truth = new Map<string, string>();
  /** Contacts the popup is expected to show otherwise (for example Unknown after a 403). */
  readonly overrides = new Map<string, string>();
  private changes = 0;
  options!: Page;
  popup!: Page;

  private constructor(
    readonly emulator: RunningEmulator,
    public extension: LaunchedExtension,
    readonly userDataDir: string,
    readonly people: EmuPerson[],
  ) {
    this.control = emulatorControl(emulator.baseUrl);
    this.more = moreControl(emulator.baseUrl);
  }

  static async start(setup: FleetSetup = {}): Promise<Fleet> {
    const emulator = await startEmulator({ port: 0, tokens: [TOKEN] });
    const control = emulatorControl(emulator.baseUrl);
    const more = moreControl(emulator.baseUrl);
    const people: EmuPerson[] = [];
    for (let i = 1; i <= CONTACTS; i++) {
      const n = String(i).padStart(2, '0');
      people.push(await control.createPerson(`Fault Contact ${n}`, `fault${n}@example.com`));
    }
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'presence-lens-faults-'));
    let extension: LaunchedExtension | undefined;
    try {
      for (const [i, person] of people.entries()) {
        const status = CYCLE[i % CYCLE.length] ?? 'active';
        await more.setPresence(person.uuid, status);
      }
      await setup.beforeSignIn?.(emulator.baseUrl);
      extension = await launchExtension({ userDataDir });
      const fleet = new Fleet(emulator, extension, userDataDir, people);
      for (const [i, person] of people.entries()) {
        fleet.truth.set(person.uuid, CYCLE[i % CYCLE.length] ?? 'active');
      }
      fleet.options = await extension.openPage('src/options/index.html');
      await fleet.signIn();
      await fleet.writeWatchList({ v: 1, value: people.map((p) => contactOf(p)) });
      fleet.popup = await openPopup(extension);
      if (!setup.noReadyWait) await fleet.waitReady();
      return fleet;
    } catch (error) {
      await extension?.close().catch(() => undefined);
      await emulator.close();
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Signs in through the options page, as a user does. */
  async signIn(): Promise<void> {
    await signInViaOptions(this.options, this.emulator.baseUrl, TOKEN);
  }

  /** `chrome.storage.local.set({watchList: value})` from an extension page. */
  async writeWatchList(value: unknown): Promise<void> {
    await this.options.evaluate(
      async ([key, v]) => {
        await chrome.storage.local.set({ [key as string]: v });
      },
      [WATCH_LIST_KEY, value] as const,
    );
  }

  /** The stored watch list's contact ids (whatever shape it has now). */
  async storedContactIds(): Promise<string[]> {
    const raw = await this.options.evaluate(
      async (key) => (await chrome.storage.local.get(key))[key],
      WATCH_LIST_KEY,
    );
    const list: unknown = raw && typeof raw === 'object' && 'value' in raw ? raw.value : raw;
    if (!Array.isArray(list)) return [];
    return list.flatMap((c: unknown) =>
      c && typeof c === 'object' && 'contactId' in c && typeof c.contactId === 'string'
        ? [c.contactId]
        : [],
    );
  }

  async rows(): Promise<PopupRowState[]> {
    return this.popup
      .locator('li[role="listitem"]')
      .evaluateAll((items) =>
        items.map((item) => ({
          name: item.querySelector('[data-part="name"]')?.textContent?.trim() ?? '',
          status: item.querySelector('[data-part="status-label"]')?.textContent?.trim() ?? '',
          lastKnown: item.querySelector('[data-part="last-known"]') !== null,
        })),
      )
      .catch(() => []);
  }

  connectionLine(): Promise<string> {
    return this.popup
      .locator('[data-part="connection"]')
      .innerText({ timeout: 1_000 })
      .catch(() => '');
  }

  /** What is wrong with the popup now: empty when every contact shows its true status. */
  async mismatches(expect: { lastKnown?: boolean; rest?: boolean } = {}): Promise<string[]> {
    const rows = await this.rows();
    const byName = new Map(rows.map((r) => [r.name, r]));
    const wrong: string[] = [];
    for (const person of this.people) {
      const row = byName.get(person.displayName);
      const truth = this.truth.get(person.uuid) ?? '';
      const seen = expect.rest === true ? (REST_VIEW[truth] ?? truth) : truth;
      const want = this.overrides.get(person.uuid) ?? STATUS_LABEL[seen] ?? '?';
      if (!row) wrong.push(`${person.displayName}: missing`);
      else if (row.status !== want)
        wrong.push(`${person.displayName}: "${row.status}" != "${want}"`);
      else if (row.lastKnown !== (expect.lastKnown ?? false)) {
        wrong.push(`${person.displayName}: last-known mark ${row.lastKnown ? 'shown' : 'missing'}`);
      }
    }
    return wrong;
  }

  /** Every row true, and the feed live. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let wrong: string[] = [];
    let line = '';
    while (Date.now() < until) {
      wrong = await this.mismatches();
      line = await this.connectionLine();
      if (wrong.length === 0 && line === 'Live') return;
      await sleep(250);
    }
    throw new Error(
      `The fleet did not become ready: "${line}"; ${wrong.length} wrong: ${wrong.slice(0, 5).join('; ')}`,
    );
  }

  /**
   * Changes the presence of `count` contacts (spread over the list, none in `avoid`) to a status
   * each did not have. Returns their uuids.
   */
  async change(count = 5, avoid: ReadonlySet<string> = new Set()): Promise<string[]> {
    const picked: EmuPerson[] = [];
    const start = this.changes * 7;
    for (let k = 0; picked.length < count && k < CONTACTS * 2; k++) {
      const person = this.people[(start + k * 13) % CONTACTS];
      if (person && !avoid.has(person.uuid) && !picked.includes(person)) picked.push(person);
    }
    for (const person of picked) {
      const now = this.truth.get(person.uuid);
      const index =
        (CYCLE.indexOf(now as (typeof CYCLE)[number]) + 1 + this.changes) % CYCLE.length;
      let next: string = CYCLE[index] ?? 'meeting';
      if (next === now) next = now === 'meeting' ? 'call' : 'meeting';
      await this.more.setPresence(person.uuid, next);
      this.truth.set(person.uuid, next);
    }
    this.changes++;
    return picked.map((p) => p.uuid);
  }

  /** Stops the extension's service worker over CDP, as Chrome does with an idle one. */
  async stopWorker(): Promise<void> {
    await stopServiceWorker(this.popup);
  }

  /** Reopens the options page and the popup (after an update in place or a browser restart). */
  async reopenPages(): Promise<void> {
    for (const page of this.extension.context.pages()) await page.close().catch(() => undefined);
    this.options = await this.extension.openPage('src/options/index.html');
    this.popup = await openPopup(this.extension);
  }

  /** Installs the built extension again over itself, as an update does, and reopens the pages. */
  async updateInPlace(): Promise<void> {
    await reinstallExtension(this.extension.context);
    await sleep(500);
    await this.reopenPages();
  }

  /** Closes the browser, runs `meanwhile`, and starts it again on the same profile. */
  async restartBrowser(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
    await this.extension.close();
    await meanwhile();
    this.extension = await launchExtension({ userDataDir: this.userDataDir });
    await this.reopenPages();
  }

  async close(): Promise<void> {
    await this.extension.close().catch(() => undefined);
    await this.emulator.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The popup's list is virtualised: only rows in view are in the DOM. A page tall enough for every
 * contact keeps all of them there, so `rows()` reads each one.
 */
async function openPopup(extension: { openPage(path: string): Promise<Page> }): Promise<Page> {
  const popup = await extension.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 800, height: 200 + CONTACTS * 100 });
  return popup;
}
