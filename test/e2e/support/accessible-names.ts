import type { Page } from 'playwright-core';

/** What assistive technology is told on the page, closed shadow roots included (CDP AX tree). */
export async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.name?.value)
    .map((n) => `${n.role?.value ?? ''}: ${n.name?.value ?? ''}`);
}
