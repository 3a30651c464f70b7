/**
 * The page annotator's entry point, injected only into sites the user allowed (registered by the
 * worker) or into one tab the user asked for from the popup. It learns the match terms and what
 * the badges say through one port to the worker, and never sees contact ids, tokens, settings or
 * storage.
 *
 * Never two sets of badges: a new copy (the extension was reloaded or updated, or the script was
 * injected again) announces itself with a DOM event, which every older copy in this document
 * hears (DOM events cross isolated worlds), and each older copy removes its badges and stops.
 * A copy whose extension is gone notices on its own when its port drops.
 */
// First: before lit-html loads (see the module).
import './hide-trusted-types';
import { BADGE_ATTRIBUTE, CARD_ATTRIBUTE } from './dom-marks';
import { PresenceCard } from './presence-card';
import { PageBadges } from './page-badges';
import { PageAnnotator } from './page-annotator';
import { linkToWorker, type WorkerLink } from './worker-link';

const TAKEOVER_EVENT = 'presence-lens:takeover';

function main(doc: Document): void {
  const self = `${Date.now()}:${Math.random()}`;
  doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT, { detail: self }));
  for (const old of doc.querySelectorAll(`[${BADGE_ATTRIBUTE}],[${CARD_ATTRIBUTE}]`)) old.remove();

  const card = new PresenceCard(doc);
  const badges = new PageBadges(doc, card);
  const annotator = new PageAnnotator(doc, badges, (revision, keys) =>
    link?.send({ type: 'watch', revision, keys }),
  );
  let link: WorkerLink | undefined = undefined; // onGone may run before linkToWorker returns
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    doc.removeEventListener(TAKEOVER_EVENT, onTakeover);
    annotator.stop();
    badges.removeAll();
    link?.close();
  };
  const onTakeover = (event: Event) => {
    if ((event as CustomEvent<unknown>).detail !== self) stop();
  };
  doc.addEventListener(TAKEOVER_EVENT, onTakeover);

  link = linkToWorker({
    onMessage(message) {
      if (!running) return;
      if (message.type === 'contacts') {
        badges.setStyles(message.styles);
        annotator.setContacts(message, message.focusable);
        annotator.start();
      } else if (message.type === 'views') {
        for (const view of message.views) badges.setView(view);
      }
    },
    onGone: stop,
  });
}

function safeMain(): void {
  try {
    main(document);
  } catch (error) {
    // Whatever happens here must never break the page.
    console.debug('Presence Lens: page badges unavailable', error);
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', safeMain, { once: true });
} else {
  safeMain();
}
