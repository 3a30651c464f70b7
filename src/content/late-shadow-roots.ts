/**
 * Custom elements a page had not defined yet when a pass read them (`:not(:defined)`), whose
 * shadow roots come when the page defines them: a component library loaded after the page, or a
 * chunk loaded later. A defined element attaches its root when it is created or inserted, before
 * a pass reads it; an element upgraded where it already stands attaches one where no mutation
 * record shows it (MutationObserver sees no shadow root come), and a content script has no
 * custom-element registry to await definitions with (null in Chrome's isolated worlds).
 *
 * So the trees each pass read are searched for undefined elements in a task of their own, right
 * after the pass (in the pass, the query cost about as much as its own search for links), and
 * those are looked at again a few times, at growing intervals; after the last, the page's first
 * MAX_LATER still waiting are looked at once a minute, all in one list (a chunk may be loaded when
 * the user first opens a panel, minutes later). One that got an open shadow root is handed over
 * to be read; one defined without one (closed, or none) or no longer in the page is dropped.
 * Pages that never define their custom-element names (Angular's components are such elements)
 * pay a query and a few cheap looks per pass, and a look at a thousand elements a minute.
 */

/** After the pass that found them: when elements are looked at again, in milliseconds. */
const LOOKS_MS = [500, 2_000, 8_000, 30_000];
/** Then: how often the elements still waiting are looked at, and how many at most. */
const LATER_MS = 60_000;
const MAX_LATER = 1_000;

export class LateShadowRoots {
  #stopped = false;
  readonly #onShadowRoot: (shadow: ShadowRoot) => void;
  /** Elements past their last look in LOOKS_MS, and the timer that looks at them. */
  readonly #later = new Set<Element>();
  #laterTimer: ReturnType<typeof setInterval> | undefined;

  constructor(onShadowRoot: (shadow: ShadowRoot) => void) {
    this.#onShadowRoot = onShadowRoot;
  }

  /**
   * Finds the undefined elements in these trees, just read, in the next task. Not when the page
   * is idle: the first call to requestIdleCallback costs a page about 0.15 ms, more than the
   * search (setTimeout's, a third of that). An element the page defines in between is missed.
   */
  searchSoon(roots: readonly (Element | ShadowRoot)[]): void {
    if (roots.length > 0 && !this.#stopped) setTimeout(() => this.#search(roots));
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#laterTimer);
    this.#later.clear();
  }

  #search(roots: readonly (Element | ShadowRoot)[]): void {
    if (this.#stopped) return;
    const found: Element[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      // Only a custom element's name has a hyphen: a cheap test before the selector.
      if ('localName' in root && root.localName.includes('-') && !root.matches(':defined'))
        found.push(root);
      if (!root.firstElementChild) continue;
      // One by one: spread into push, a page with some 100,000 undefined elements (Angular's
      // components are such) would pass more arguments than the engine takes.
      for (const element of root.querySelectorAll(':not(:defined)')) found.push(element);
    }
    if (found.length > 0) this.#lookLater(found, 0);
  }

  #lookLater(elements: readonly Element[], look: number): void {
    const delay = LOOKS_MS[look];
    if (delay !== undefined) {
      setTimeout(() => this.#look(elements, look), delay);
      return;
    }
    for (const element of elements) if (this.#later.size < MAX_LATER) this.#later.add(element);
    this.#laterTimer ??= setInterval(() => {
      for (const element of this.#later) if (!this.#waits(element)) this.#later.delete(element);
      if (this.#later.size > 0) return;
      clearInterval(this.#laterTimer);
      this.#laterTimer = undefined;
    }, LATER_MS);
  }

  #look(elements: readonly Element[], look: number): void {
    if (this.#stopped) return;
    const waiting = elements.filter((element) => this.#waits(element));
    if (waiting.length > 0) this.#lookLater(waiting, look + 1);
  }

  /** Whether `element` still waits for a definition; one that got an open shadow root hands it over. */
  #waits(element: Element): boolean {
    if (!element.isConnected) return false;
    const shadow = element.shadowRoot;
    if (shadow) this.#onShadowRoot(shadow);
    return !shadow && !element.matches(':defined');
  }
}
