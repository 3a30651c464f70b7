/**
 * Draws each element it is given the first time that element comes near the viewport (within
 * 400 px): a page that names hundreds of people pays for the few on screen. Where there is no
 * IntersectionObserver, at once.
 */
export class NearViewport {
  readonly #observer: IntersectionObserver | null = null;
  readonly #draw: (element: Element) => void;

  constructor(draw: (element: Element) => void) {
    this.#draw = draw;
    if (typeof IntersectionObserver !== 'function') return;
    this.#observer = new IntersectionObserver((entries) => this.#onNear(entries), {
      rootMargin: '400px',
    });
  }

  observe(element: Element): void {
    if (this.#observer) this.#observer.observe(element);
    else this.#draw(element);
  }

  unobserve(element: Element): void {
    this.#observer?.unobserve(element);
  }

  disconnect(): void {
    this.#observer?.disconnect();
  }

  #onNear(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer?.unobserve(entry.target);
      this.#draw(entry.target);
    }
  }
}
