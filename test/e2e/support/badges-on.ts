import type { Frame, Page } from 'playwright-core';

interface SeenBadge {
  readonly label: string;
  /** The id of the nearest element with one ("shadow" inside an open shadow root). */
  readonly where: string;
}

/** Badges as the page sees them: its DOM and open shadow roots (our own roots are closed). */
export function badgesOn(page: Page | Frame): Promise<SeenBadge[]> {
  return page.evaluate(() => {
    const found: { label: string; where: string }[] = [];
    const visit = (root: Document | ShadowRoot, inShadow: boolean) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.hasAttribute('data-presence-lens-badge')) {
          const where = inShadow ? 'shadow' : (el.closest('[id]')?.id ?? '');
          found.push({ label: el.getAttribute('aria-label') ?? '', where });
        }
        if (el.shadowRoot) visit(el.shadowRoot, true);
      }
    };
    visit(document, false);
    return found;
  });
}
