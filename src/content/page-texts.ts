/**
 * What the annotator reads of a page: its text nodes (with their texts, read once), its `mailto:`
 * links and its open shadow roots, each found as cheaply as the DOM allows. This runs cold on
 * every page load and on every batch of mutations, so each lookup is one native call where it
 * can be, and none at all below a node without element children (most added nodes).
 */

import { BADGE_ATTRIBUTE } from './dom-marks';

export const MAILTO = 'a[href^="mailto:" i]';
/** What a pass looks for besides texts: links, and elements that carry a badge's mark. */
const FOUND = `${MAILTO},[${BADGE_ATTRIBUTE}]`;

/**
 * `Node.ELEMENT_NODE`, `Node.TEXT_NODE`, `Node.DOCUMENT_FRAGMENT_NODE`, `NodeFilter.SHOW_TEXT`:
 * the minifier cannot inline those.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const FRAGMENT_NODE = 11;
const SHOW_TEXT = 4;

/**
 * Pages keep whole style sheets and JSON blobs in single text nodes, which the annotator's skip
 * list leaves out anyway: a text this long is not read when its parent is one of these (one
 * check instead of a read of thousands of characters). Names as `nodeName` spells them: upper
 * case in HTML, lower case for SVG's and XHTML's style sheets and scripts.
 */
const LONG_TEXT = 256;
const CODE_PARENT = /^(STYLE|SCRIPT|NOSCRIPT|TEXTAREA|style|script)$/;

/** Whether `node` is a style sheet's or a script's text (asked only of long texts). */
const isCode = (node: Node) => CODE_PARENT.test(node.parentNode!.nodeName);

/**
 * What one pass reads, before anything is matched or inserted: text nodes and their texts (as
 * parallel arrays, since the matcher takes all the texts at once), `mailto:` links, elements
 * marked as badges (ours, moved, or copies the page made of them), and the open shadow roots
 * found, whose contents are read too.
 */
export class PageTexts {
  readonly nodes: Text[] = [];
  readonly data: string[] = [];
  readonly links: Element[] = [];
  readonly marked: Element[] = [];
  /** The roots of the trees read, shadow roots included. */
  readonly roots: (Element | ShadowRoot)[] = [];
  readonly shadowRoots: ShadowRoot[] = [];

  /**
   * `node`'s text, unless it can hold no part of a name or is a style sheet's or a script's. Every
   * text read here has a parent: it was found under a root, or is connected.
   *
   * A text of one unit below "A" (white space, a digit, most punctuation) is not read: the line
   * breaks between a page's tags are most of its texts of one unit. One letter is: a people
   * picker highlights the first letter typed ("<b>A</b>na Silva").
   */
  addText(node: Text): void {
    const text = node.data;
    if ((text.length < 2 && text < 'A') || (text.length > LONG_TEXT && isCode(node))) return;
    this.nodes.push(node);
    this.data.push(text);
  }

  /**
   * `root` with everything under it: its texts in one SHOW_TEXT walk, its links, its shadow roots.
   * The loops call nothing of their own per node: this runs cold on every page load, before the
   * engine has compiled anything, and a call per node cost more than the walk itself.
   */
  addTree(root: Element | ShadowRoot): void {
    this.roots.push(root);
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    const { nodes, data } = this;
    for (let node: Node | null; (node = walker.nextNode());) {
      const text = (node as Text).data;
      // As in addText.
      if ((text.length < 2 && text < 'A') || (text.length > LONG_TEXT && isCode(node))) continue;
      nodes.push(node as Text);
      data.push(text);
    }
    const isElement = root.nodeType === ELEMENT_NODE;
    if (isElement && (root as Element).matches(FOUND)) this.#addFound(root as Element);
    let shadow = (root as Partial<Element>).shadowRoot;
    if (shadow) this.addShadowRoot(shadow);
    if (!root.firstElementChild) return;
    for (const element of root.querySelectorAll(FOUND)) this.#addFound(element);
    // No selector finds shadow hosts: each element is asked. A live collection is cheaper to get
    // than a static list, and nothing changes while it is read (its length is read once: each
    // read is a call into the DOM).
    const all = isElement
      ? (root as Element).getElementsByTagName('*')
      : root.querySelectorAll('*');
    for (let i = 0, count = all.length; i < count; i++) {
      if ((shadow = all[i]!.shadowRoot)) this.addShadowRoot(shadow);
    }
  }

  #addFound(element: Element): void {
    (element.hasAttribute(BADGE_ATTRIBUTE) ? this.marked : this.links).push(element);
  }

  /** An open shadow root is read as a tree of its own, open shadow roots in it included. */
  addShadowRoot(shadow: ShadowRoot): void {
    this.shadowRoots.push(shadow);
    this.addTree(shadow);
  }
}
