/**
 * What the annotator reads of a page: its text nodes (with their texts, read once), its `mailto:`
 * links and its open shadow roots, each found as cheaply as the DOM allows. This runs cold on
 * every page load and on every batch of mutations, so each lookup is one native call where it
 * can be, and none at all below a node without element children (most added nodes).
 */

export const MAILTO = 'a[href^="mailto:" i]';

/**
 * Pages keep whole style sheets and JSON blobs in single text nodes, which the annotator's skip
 * list leaves out anyway: a text this long is not read when its parent is one of these (one
 * check instead of a read of thousands of characters).
 */
const LONG_TEXT = 256;
const CODE_PARENTS = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEXTAREA', 'style', 'script']);

/** Text nodes to match, and their texts. */
export interface PageTexts {
  readonly nodes: Text[];
  readonly data: string[];
}

export function addText(node: Text, texts: PageTexts): void {
  const data = node.data;
  if (data.length < 2) return;
  if (data.length > LONG_TEXT && CODE_PARENTS.has(node.parentNode?.nodeName ?? '')) return;
  texts.nodes.push(node);
  texts.data.push(data);
}

/** Every text node under `root`, in one SHOW_TEXT walk. */
export function collectTexts(root: Node, texts: PageTexts): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) addText(node as Text, texts);
}

export function mailtoLinks(root: ParentNode): Element[] {
  const links = root.firstElementChild ? [...root.querySelectorAll(MAILTO)] : [];
  if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(MAILTO)) {
    links.push(root as Element);
  }
  return links;
}

/** `root`'s and its descendants' open shadow roots: no selector finds hosts, each one is asked. */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const own = (root as Partial<Element>).shadowRoot;
  if (own) found.push(own);
  if (!root.firstElementChild) return found;
  // A live collection is cheaper to get than a static list, and nothing changes while it is read.
  const all =
    root.nodeType === Node.ELEMENT_NODE
      ? (root as Element).getElementsByTagName('*')
      : root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const shadow = all[i]!.shadowRoot;
    if (shadow) found.push(shadow);
  }
  return found;
}
