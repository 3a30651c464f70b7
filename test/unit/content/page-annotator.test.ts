// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus, unknownPresence, type Presence } from '../../../src/core/presence';
import { PageAnnotator } from '../../../src/content/page-annotator';
import { BADGE_ATTRIBUTE } from '../../../src/content/dom-marks';
import { PageBadges } from '../../../src/content/page-badges';
import { PresenceCard } from '../../../src/content/presence-card';
import { badgeView } from '../../../src/background/badge-views';
import { toPageContacts } from '../../../src/background/page-contacts';
import type { WatchedContact } from '../../../src/shared/contact';
import type { PageContacts } from '../../../src/shared/page-protocol';

// Every browser the content script targets has requestIdleCallback, which happy-dom lacks: the
// annotator's idle flush runs here after a short timeout instead.
globalThis.requestIdleCallback ??= (callback) => Number(setTimeout(callback, 50));

const ana: WatchedContact = {
  contactId: 'ana',
  displayName: 'Ana Silva',
  emails: ['ana@example.com'],
  addedAt: 0,
};
const li: WatchedContact = { contactId: 'li', displayName: '王小明', emails: [], addedAt: 0 };
/** What the worker sends a page for these contacts, through JSON as a port does. */
const sent = (contacts: readonly WatchedContact[]) =>
  JSON.parse(JSON.stringify(toPageContacts(contacts).contacts)) as PageContacts;

/** The views the worker sends for these contacts (keys are places in the list), all Unknown. */
const viewsOf = (contacts: readonly WatchedContact[]) =>
  toPageContacts(contacts).people.map((person, key) =>
    badgeView(String(key), person, unknownPresence(person.id), 0),
  );

const running: PageAnnotator[] = [];

function annotate(
  contacts: readonly WatchedContact[],
  onShown: (keys: string[]) => void = () => {},
) {
  const badges = new PageBadges(document, new PresenceCard(document));
  const annotator = new PageAnnotator(document, badges, (_revision, keys) => onShown(keys));
  running.push(annotator);
  annotator.setContacts(sent(contacts), false);
  return { annotator, badges };
}

function setup(html: string, contacts: readonly WatchedContact[] = [ana, li]) {
  document.body.innerHTML = html;
  const shown: string[][] = [];
  const { annotator, badges } = annotate(contacts, (keys) => shown.push(keys));
  annotator.start();
  return { annotator, badges, shown };
}

const allBadges = (root: ParentNode = document) => [
  ...root.querySelectorAll<HTMLElement>(`[${BADGE_ATTRIBUTE}]`),
];
const labels = (root: ParentNode = document) =>
  allBadges(root).map((b) => b.getAttribute('aria-label'));
/** What a reader of the page sees as text, badges left out (they hold no light-DOM text). */
const pageText = () => document.body.textContent;

afterEach(() => {
  vi.unstubAllGlobals();
  for (const annotator of running.splice(0)) annotator.stop();
  document.body.innerHTML = '';
});

describe('PageAnnotator', () => {
  it('badges names in prose, across a line break, in capitals, emails and table cells', () => {
    const html =
      '<p>Ask Ana\n   Silva first.</p><p>ANA SILVA wrote it.</p><p>Mail ana@example.com.</p>' +
      '<table><tr><td>Ana Silva</td></tr></table><p>记者王小明报道</p>';
    const before = ((document.body.innerHTML = html), document.body.textContent);
    const { badges } = setup(html);
    // Until the worker's views arrive, a badge is named by the text it follows.
    expect(labels()).toEqual(['Ana Silva', 'ANA SILVA', 'ana@example.com', 'Ana Silva', '王小明']);
    for (const view of viewsOf([ana, li])) badges.setView(view);
    expect(labels()).toEqual([
      'Ana Silva: Unknown',
      'Ana Silva: Unknown',
      'Ana Silva: Unknown',
      'Ana Silva: Unknown',
      '王小明: Unknown',
    ]);
    expect(pageText()).toBe(before);
    // Each badge sits right after its match.
    expect(allBadges()[0]!.previousSibling!.textContent).toBe('Ask Ana\n   Silva');
    expect(allBadges()[4]!.previousSibling!.textContent).toBe('记者王小明');
  });

  it('skips form fields, editors, code, our own badges and names inside longer words', () => {
    setup(
      '<textarea>Ana Silva</textarea><input value="Ana Silva"><div contenteditable>Ana Silva</div>' +
        '<div contenteditable="true"><p><b>Ana Silva</b></p></div><script>"Ana Silva"</script>' +
        '<style>/* Ana Silva */</style><select><option>Ana Silva</option></select>' +
        '<p>Ana Silvanova and XAna Silva</p>',
    );
    expect(allBadges()).toHaveLength(0);
  });

  it('puts one badge after a mailto link, none inside it', () => {
    setup(
      '<p><a href="mailto:ANA@example.com?subject=hi">Ana Silva</a> and <a href="mailto:x@y.z">X</a></p>',
    );
    const [badge, ...rest] = allBadges();
    expect(rest).toHaveLength(0);
    expect(badge!.previousElementSibling!.tagName).toBe('A');
    expect(badge!.parentElement!.tagName).toBe('P');
  });

  it('scans open shadow roots with their host, and what they add later', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Ana Silva</span>';
    const { annotator } = annotate([ana]);
    annotator.start();
    expect(labels(shadow)).toEqual(['Ana Silva']);
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'ana@example.com' }));
    annotator.flush();
    expect(labels(shadow)).toHaveLength(2);
  });

  it('badges text added later by script, once, and never its own insertions', async () => {
    const { annotator, shown } = setup('<main></main>');
    expect(shown).toEqual([[]]); // the worker hears the first, empty, set of keys
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<p>Later: Ana Silva and 王小明.</p>');
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva', '王小明']);
    annotator.flush(); // the badges' own mutations must not be scanned again
    await new Promise((resolve) => setTimeout(resolve, 400)); // the idle flush runs too
    expect(allBadges()).toHaveLength(2);
    // Keys, a set in any order: Ana's and 王小明's places in the watch list.
    expect(shown.at(-1)?.toSorted()).toEqual(['0', '1']);
  });

  it('leaves changed comments and the page title alone', () => {
    const { annotator } = setup('<p>Hello<!-- nobody --></p>');
    const comment = document.querySelector('p')!.lastChild as Comment;
    comment.data = 'Ana Silva'; // a comment is character data too: no badge, and no throw
    const title = document.head.appendChild(document.createElement('title'));
    title.textContent = 'Chat with Ana Silva';
    expect(() => annotator.flush()).not.toThrow();
    expect(allBadges()).toHaveLength(0);
    expect(document.title).toBe('Chat with Ana Silva');
  });

  it('re-checks a text node whose text changed, and does not badge a moved node twice', () => {
    const { annotator } = setup('<p id="a">Ana Silva</p><div id="b"></div>');
    const p = document.getElementById('a')!;
    document.getElementById('b')!.append(p); // moved, with its badge
    annotator.flush();
    expect(allBadges()).toHaveLength(1);
    (p.firstChild as Text).data = 'Nobody here';
    annotator.flush();
    expect(allBadges()).toHaveLength(0);
    (p.firstChild as Text).data = 'Ana Silva again';
    annotator.flush();
    expect(allBadges()).toHaveLength(1);
  });

  it('keeps a text a framework holds whole: its updates and removal leave nothing stale', () => {
    const { annotator } = setup('<p>Ana Silva commented 5 minutes ago</p>', [ana]);
    const p = document.querySelector('p')!;
    const node = p.firstChild as Text; // the reference React, Vue, Angular, Svelte and Lit keep
    expect(labels()).toEqual(['Ana Silva']);
    node.nodeValue = 'Ana Silva commented 6 minutes ago'; // how each of them sets a text
    annotator.flush();
    expect(p.textContent).toBe('Ana Silva commented 6 minutes ago');
    expect(labels()).toEqual(['Ana Silva']);
    // Changed, and a new watch list before the change was handled: no old text is joined to it.
    node.nodeValue = 'Ask Ana Silva, then 王小明, today';
    annotator.setContacts(sent([ana, li]), false);
    expect(p.textContent).toBe('Ask Ana Silva, then 王小明, today');
    expect(labels()).toEqual(['Ana Silva', '王小明']);
    node.nodeValue = 'Nobody commented';
    annotator.flush();
    expect(p.textContent).toBe('Nobody commented');
    expect(allBadges()).toHaveLength(0);
    node.nodeValue = 'Ana Silva commented';
    annotator.flush();
    node.remove(); // unmounted: the rest of its text and its badges go with it
    p.append('After');
    annotator.flush();
    expect(p.textContent).toBe('After');
    expect(allBadges()).toHaveLength(0);
  });

  it('forgets badges that left with nodes the page removed, and says who is still shown', () => {
    const { annotator, shown } = setup('<div><p id="a">Ana Silva</p></div><p>记者王小明报道</p>');
    expect(shown.at(-1)?.toSorted()).toEqual(['0', '1']);
    document.getElementById('a')!.parentElement!.remove(); // a list rendered anew, say
    annotator.flush();
    expect(shown.at(-1)).toEqual(['1']);
    expect(allBadges()).toHaveLength(1);
  });

  it('makes a badge the page took away and put back live again, with what it says now', () => {
    const { annotator, badges } = setup('<div id="list"><p id="a">Ana Silva</p></div>', [ana]);
    const [view] = viewsOf([ana]);
    badges.setView(view!);
    const item = document.getElementById('a')!;
    item.remove(); // a list item kept aside
    annotator.flush();
    const active = { ...unknownPresence('ana'), status: PresenceStatus.Active };
    badges.setView(badgeView('0', toPageContacts([ana]).people[0]!, active, 0));
    document.getElementById('list')!.append(item); // and put back
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva: Active']);
    expect(item.childNodes).toHaveLength(2); // no second badge
  });

  it('replaces a badge put back after the watch list changed: its key means someone else', () => {
    const { annotator, badges } = setup('<div id="list"><p id="a">Ana Silva</p></div>', [ana]);
    const item = document.getElementById('a')!;
    const old = allBadges()[0]!;
    item.remove();
    annotator.flush();
    annotator.setContacts(sent([li, ana]), false); // Ana's key is now 1, and 0 is Li's
    for (const view of viewsOf([li, ana])) badges.setView(view);
    document.getElementById('list')!.append(item);
    annotator.flush();
    expect(old.isConnected).toBe(false);
    expect(labels()).toEqual(['Ana Silva: Unknown']);
    expect(item.textContent).toBe('Ana Silva');
  });

  it('keeps the drawn badge of a text the page keeps setting, rather than draw a new one', () => {
    // Without IntersectionObserver every badge is drawn at once (happy-dom's never reports).
    vi.stubGlobal('IntersectionObserver', undefined);
    const { annotator } = setup('<p>Ana Silva commented 5 minutes ago</p>', [ana]);
    const node = document.querySelector('p')!.firstChild as Text;
    const [drawn] = allBadges();
    node.nodeValue = 'Ana Silva commented 6 minutes ago';
    annotator.flush();
    expect(allBadges()).toHaveLength(1);
    expect(allBadges()[0]).toBe(drawn);
    expect(labels()).toEqual(['Ana Silva']);
    // Kept for the pass that reads the text again, and no longer: a later match gets a new one.
    node.nodeValue = 'Nobody commented';
    annotator.flush();
    expect(allBadges()).toEqual([]);
    node.nodeValue = 'Ana Silva commented';
    annotator.flush();
    expect(allBadges()).toHaveLength(1);
    expect(allBadges()[0]).not.toBe(drawn);
  });

  it('gives a text the page moved the rest of its text back, and badges it where it now is', () => {
    const { annotator } = setup('<p id="a">Ana Silva commented today</p><p id="b"></p>', [ana]);
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    const node = a.firstChild as Text;
    expect(allBadges()[0]!.parentElement).toBe(a);
    b.append(node); // as Vue and Svelte move the text nodes of a list's item
    annotator.flush();
    expect(a.textContent).toBe('');
    expect(b.textContent).toBe('Ana Silva commented today');
    expect(labels()).toEqual(['Ana Silva']);
    expect(allBadges()[0]!.parentElement).toBe(b);
    node.nodeValue = 'Nobody'; // and the page still sets the whole text into it
    annotator.flush();
    expect(b.textContent).toBe('Nobody');
    expect(allBadges()).toHaveLength(0);
  });

  it('removes the badge of a mailto link the page removed, and of a text of ours it changed', () => {
    const { annotator } = setup(
      '<p><a href="mailto:ana@example.com">mail</a> or ask Ana Silva or 王小明 today</p>',
    );
    const p = document.querySelector('p')!;
    expect(labels()).toEqual(['ana@example.com', 'Ana Silva', '王小明']);
    p.querySelector('a')!.remove();
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva', '王小明']);
    // A page script that walks the texts may change one the badges split off: only the badge
    // after it goes, and the rest of the text stays.
    const split = [...p.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
    expect(split.map((node) => node.textContent)).toEqual([
      ' or ask Ana Silva',
      ' or 王小明',
      ' today',
    ]);
    (split[1] as Text).data = ' or nobody';
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva']);
    expect(p.textContent).toBe(' or ask Ana Silva or nobody today');
  });

  it("unmarks the page's own copies of a badge, and badges the names in them", () => {
    const { annotator, badges } = setup('<p id="a">Ana Silva wrote</p><div id="b"></div>', [ana]);
    badges.setFocusable(true);
    for (const view of viewsOf([ana])) badges.setView(view);
    const copy = document.getElementById('a')!.cloneNode(true) as HTMLElement;
    copy.id = 'copy';
    const stale = copy.querySelector('span')!;
    expect(stale.getAttribute('aria-label')).toBe('Ana Silva: Unknown');
    document.getElementById('b')!.append(copy); // as a carousel or a virtual list copies items
    annotator.flush();
    expect(stale.getAttributeNames()).toEqual([]);
    expect(copy.textContent).toBe('Ana Silva wrote');
    expect(labels(copy)).toEqual(['Ana Silva: Unknown']);
    expect(allBadges(copy)[0]!.tabIndex).toBe(0);
    // A copy set as HTML too; and the badges of ours in it are live, the original's included.
    document.getElementById('b')!.insertAdjacentHTML('beforeend', copy.outerHTML);
    annotator.flush();
    expect(labels()).toEqual(Array(3).fill('Ana Silva: Unknown'));
    const active: Presence = { ...unknownPresence('ana'), status: PresenceStatus.Active };
    const [person] = toPageContacts([ana]).people;
    badges.setView(badgeView('0', person!, active, 0));
    expect(labels()).toEqual(Array(3).fill('Ana Silva: Active'));
    expect(pageText()).toBe('Ana Silva wroteAna Silva wroteAna Silva wrote');
  });

  it('gives the page its text nodes back whole when the badges go', () => {
    const { annotator, badges } = setup(
      '<p>Yesterday Ana Silva met 王小明 here.</p><p>王小明 is typing</p>',
    );
    const [p, typing] = document.querySelectorAll('p');
    const node = p!.firstChild as Text;
    const typingNode = typing!.firstChild as Text;
    expect(allBadges()).toHaveLength(3);
    annotator.setContacts(sent([li]), false); // a new list: badges start over
    expect(labels()).toEqual(['王小明', '王小明']);
    expect(p!.textContent).toBe('Yesterday Ana Silva met 王小明 here.');
    typingNode.nodeValue = '王小明 stopped typing'; // and the script stops before it is handled
    annotator.stop();
    badges.removeAll(); // this copy of the script is done
    expect([...p!.childNodes]).toEqual([node]);
    expect(node.data).toBe('Yesterday Ana Silva met 王小明 here.');
    expect([...typing!.childNodes]).toEqual([typingNode]);
    expect(typingNode.data).toBe('王小明 stopped typing');
  });

  it('takes its badges out of an element the page starts to edit, and back when it stops', async () => {
    const { annotator } = setup('<div><p>Ana Silva wrote this</p></div><p>王小明</p>');
    const div = document.querySelector('div')!;
    const p = div.firstElementChild!;
    const node = p.firstChild as Text;
    expect(allBadges()).toHaveLength(2);
    div.setAttribute('contenteditable', 'true'); // edited in place
    await Promise.resolve(); // the observer's callback, before anyone can type
    expect(div.innerHTML).toBe('<p>Ana Silva wrote this</p>'); // what the page would save
    expect([...p.childNodes]).toEqual([node]);
    expect(labels()).toEqual(['王小明']);
    div.setAttribute('contenteditable', 'false');
    annotator.flush();
    expect(labels()).toEqual(['Ana Silva', '王小明']);
  });

  it('keeps statuses out of what the user copies: badges in the selection are bare meanwhile', async () => {
    const { badges } = setup('<p>Ask Ana Silva about it.</p><p>王小明</p>');
    for (const view of viewsOf([ana, li])) badges.setView(view);
    const [p, other] = document.querySelectorAll('p');
    const range = document.createRange();
    range.selectNodeContents(p!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    let copied = '';
    // The browser serializes the selection once the event is dispatched: as a page listener sees it.
    p!.addEventListener('copy', () => (copied = p!.innerHTML));
    p!.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(copied).toBe('Ask Ana Silva<span></span> about it.');
    expect(labels(other)).toEqual(['王小明: Unknown']); // not selected, not touched
    await new Promise((resolve) => setTimeout(resolve));
    expect(labels()).toEqual(['Ana Silva: Unknown', '王小明: Unknown']);
    expect(allBadges()[0]!.getAttribute('role')).toBe('img');
  });

  it('keeps untrusted text as text: a custom status with markup only reaches the label', () => {
    const { badges } = setup('<p>Ana Silva</p>');
    const hostile: Presence = {
      contactId: 'ana',
      status: PresenceStatus.Dnd,
      customStatus: '<img src=x onerror=alert(1)>',
      lastActiveTime: 0,
      expiresTime: 0,
    };
    // As the worker makes it: Ana is key 0.
    badges.setView(badgeView('0', { id: 'ana', name: 'Ana Silva', email: '' }, hostile, 0));
    expect(labels()).toEqual(["Ana Silva: Do not disturb, '<img src=x onerror=alert(1)>'"]);
    expect(document.querySelector('img')).toBeNull();
  });

  it('follows the watch list: removed contacts lose their badges, added ones are found', () => {
    const { annotator } = setup('<p>Ana Silva met 王小明.</p>', [ana]);
    expect(labels()).toEqual(['Ana Silva']);
    annotator.setContacts(sent([li]), false);
    expect(labels()).toEqual(['王小明']);
  });

  it('does not scan again when a woken worker sends the same contacts, only for a new list', () => {
    const { annotator } = setup('<p>Ana Silva</p>', [ana]);
    allBadges()[0]!.remove(); // the page took our badge away: only a new scan would bring it back
    annotator.setContacts(sent([ana]), false);
    expect(allBadges()).toHaveLength(0);
    annotator.setContacts(sent([ana, li]), false);
    expect(labels()).toEqual(['Ana Silva']);
  });

  it('makes badges tab stops only when asked', () => {
    const { annotator } = setup('<p>Ana Silva</p>');
    expect(allBadges()[0]!.hasAttribute('tabindex')).toBe(false);
    annotator.setContacts(sent([ana, li]), true);
    expect(allBadges()[0]!.tabIndex).toBe(0);
  });

  it('waits until a hidden tab is shown', () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    try {
      setup('<p>Ana Silva</p>');
      expect(allBadges()).toHaveLength(0);
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(allBadges()).toHaveLength(1);
    } finally {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    }
  });
});
