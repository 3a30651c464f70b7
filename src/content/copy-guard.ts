/**
 * A copy of the page's selection is HTML, badges' attributes included: pasted into mail or a
 * document, it would take a colleague's status with it. So before the browser copies (in the
 * capture phase of what puts the selection where the user pastes or drops it), the badges in the
 * selection lose their marks and label, and get them back in the next task. What is pasted is an
 * empty `span`.
 */
import { unmark } from './dom-marks';
import type { ShownContacts } from './shown-contacts';

const COPY_EVENTS = ['copy', 'cut', 'dragstart'] as const;

/** Guards copies from `doc` until the function it returns is called. */
export function guardCopies(
  doc: Document,
  badges: Pick<ShownContacts, 'each'>,
  /** Gives a badge its marks and label back. */
  remark: (host: HTMLElement) => void,
): () => void {
  const onCopy = () => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed) return;
    const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
    const hidden: HTMLElement[] = [];
    badges.each((host) => {
      if (!ranges.some((range) => range.intersectsNode(host))) return;
      hidden.push(host);
      unmark(host);
    });
    if (hidden.length > 0) setTimeout(() => hidden.forEach(remark));
  };
  for (const type of COPY_EVENTS) doc.addEventListener(type, onCopy, true);
  return () => {
    for (const type of COPY_EVENTS) doc.removeEventListener(type, onCopy, true);
  };
}
