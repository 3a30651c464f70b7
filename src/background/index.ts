/**
 * The service worker. The browser may stop it at any moment, so every listener is registered
 * synchronously at the top level and everything else is rebuilt from storage by `wake()`.
 */
import browser from 'webextension-polyfill';
import { UI_PORT_NAME } from '../shared/messages';
import { lastKnownPresenceItem, livePresenceItem, watchListItem } from '../shared/storage-items';
import { FeedController } from './feed-controller';
import { createMessageListener } from './message-handler';
import { PresenceMirror } from './presence-mirror';
import { createIdbSecretStore } from './secret-store';

const HEALTH_ALARM = 'presence-lens:health';
/** 30 s is the shortest period Chrome allows packed extensions. */
const HEALTH_PERIOD_MINUTES = 0.5;

const mirror = new PresenceMirror({ live: livePresenceItem, lastKnown: lastKnownPresenceItem });
const controller = new FeedController({
  secrets: createIdbSecretStore(),
  mirror,
  fetch: (input, init) => fetch(input, init),
  WebSocket,
});

browser.runtime.onMessage.addListener(
  createMessageListener(controller, browser.runtime.getURL('')),
);

// Open extension pages hold a port; connecting is what wakes a stopped worker for them.
browser.runtime.onConnect.addListener((port) => {
  if (port.name === UI_PORT_NAME) void controller.wake();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === HEALTH_ALARM) void controller.checkHealth();
});

watchListItem.watch((contacts) => controller.onWatchListChanged(contacts));

async function ensureHealthAlarm(): Promise<void> {
  if (!(await browser.alarms.get(HEALTH_ALARM))) {
    await browser.alarms.create(HEALTH_ALARM, { periodInMinutes: HEALTH_PERIOD_MINUTES });
  }
}

void ensureHealthAlarm();
void controller.wake();
