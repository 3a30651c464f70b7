/**
 * What pages do to their own nodes around badges: set their text, move or remove them, copy,
 * clone, edit, take away and put back. The page keeps its text as it wrote it, and every badge
 * that stays is live.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus, unknownPresence, type Presence } from '../../../src/core/presence';
import { badgeView } from '../../../src/background/badge-views';
import { toPageContacts } from '../../../src/background/page-contacts';
import {
  allBadges,
  ana,
  cleanUp,
  labels,
  li,
  pageText,
  sent,
  setup,
  viewsOf,
} from './annotator-fixture';

afterEach(cleanUp);

describe('PageAnnotator, as the page changes', () => {
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
});
