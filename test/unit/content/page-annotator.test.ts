// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus, type Presence } from '../../../src/core/presence';
import { badgeView } from '../../../src/background/badge-views';
import {
  allBadges,
  ana,
  annotate,
  cleanUp,
  labels,
  li,
  pageText,
  sent,
  setup,
  viewsOf,
} from './annotator-fixture';

afterEach(cleanUp);

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

  it('badges a name the page writes decomposed, right after it, and leaves the text as it was', () => {
    const jose = { contactId: 'jose', displayName: 'José Silva', emails: [], addedAt: 0 };
    const html = '<p>Ping Jose\u0301 Silva today, e\u0301 Ana Silva</p>';
    const before = ((document.body.innerHTML = html), document.body.textContent);
    setup(html, [jose, ana]);
    expect(labels()).toEqual(['Jose\u0301 Silva', 'Ana Silva']);
    expect(allBadges()[0]!.previousSibling!.textContent).toBe('Ping Jose\u0301 Silva');
    expect(pageText()).toBe(before);
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

  it('reads the shadow root a custom element gets when the page defines it later', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Ana Silva</p><late-card id="card"><i>Ana Silva</i></late-card>';
    const { annotator } = annotate([ana]);
    annotator.start();
    expect(labels()).toHaveLength(2);
    // Upgraded where it stands: no mutation record shows its shadow root.
    customElements.define(
      'late-card',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<b>Ana Silva, in a late root</b>';
        }
      },
    );
    const shadow = document.getElementById('card')!.shadowRoot!;
    vi.advanceTimersByTime(500);
    annotator.flush();
    expect(labels(shadow)).toEqual(['Ana Silva']);
    expect(labels()).toHaveLength(2); // the light DOM's badges, not one more
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'ana@example.com' }));
    annotator.flush();
    expect(labels(shadow)).toHaveLength(2); // observed from then on
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
