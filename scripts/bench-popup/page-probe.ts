/**
 * What the benchmark installs in every popup page before its own scripts run
 * (`page.addInitScript`), as `window.__popupBench`:
 *
 * - Every shadow root is recorded as it is attached (Element.prototype.attachShadow is wrapped),
 *   and one MutationObserver watches the document and each of them (child lists and text).
 *   Lit renders into shadow roots, where an observer on the document alone sees nothing.
 * - First row: on each mutation batch, until found, the connected roots are searched for a
 *   `[role="listitem"]` with text and a layout box. That moment is `domAt`; then a
 *   requestAnimationFrame callback posts a MessageChannel message, which runs as the first task
 *   after that frame's rendering update: `paintedAt`, the first-row time reported. Both are
 *   `performance.now()`, i.e. milliseconds since this document's navigation start (timeOrigin).
 * - `arm(...)` starts a push timing on the page's clock; the benchmark sends the presence change
 *   from Node as soon as `arm` returns, and `pending` resolves with the milliseconds from `arm`
 *   to the mutation batch in which the contact's row first shows the new label. Both ends are on
 *   the page's clock; the start is early by one CDP reply (Node has to hear that `arm` ran), about
 *   a millisecond. The page cannot send the change itself: the emulator's control API refuses
 *   requests with a foreign Origin (emulator/guard.ts), an extension page's included.
 *
 * The function is serialised into the page, so it must not use anything from this module's scope.
 */

/** Where the first `[role="listitem"]` row appeared, in ms since navigation start. */
export interface FirstRowTimes {
  readonly domAt: number;
  readonly paintedAt: number;
}

export interface DomCounts {
  readonly rows: number;
  readonly elements: number;
}

export type PushResult = { readonly ms: number } | { readonly error: string };

export interface PopupBenchProbe {
  firstRow: FirstRowTimes | null;
  counts(): DomCounts;
  /**
   * Starts a push timing: now, then until the row of `name` shows `label` (or `timeoutMs`).
   * The benchmark sends the change as soon as this returns; `pending` then resolves.
   */
  arm(name: string, label: string, timeoutMs: number): void;
  pending: Promise<PushResult> | null;
}

declare global {
  interface Window {
    __popupBench?: PopupBenchProbe;
  }
}

/** tsx (esbuild keepNames) may wrap functions in `__name(...)`, which a page does not have. */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export function installProbe(): void {
  const roots: Array<Document | ShadowRoot> = [document];
  const listeners = new Set<() => void>();
  const observer = new MutationObserver(() => {
    for (const listener of [...listeners]) listener();
  });
  const watch = { childList: true, subtree: true, characterData: true };
  observer.observe(document, watch);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, watch);
    return root;
  };

  const connected = (): Array<Document | ShadowRoot> =>
    roots.filter((r) => r === document || (r as ShadowRoot).host.isConnected);
  const rows = (): Element[] =>
    connected().flatMap((r) =>
      [...r.querySelectorAll('[role="listitem"]')].filter((e) => e.isConnected),
    );
  const rowOf = (name: string): Element | undefined =>
    rows().find((e) => (e.textContent ?? '').includes(name));

  const probe: PopupBenchProbe = {
    firstRow: null,
    counts: () => ({
      rows: rows().length,
      elements: connected().reduce((n, r) => n + r.querySelectorAll('*').length, 0),
    }),
    pending: null,
    arm: (name, label, timeoutMs) => {
      const started = performance.now();
      probe.pending = new Promise<PushResult>((resolve) => {
        const finish = (result: PushResult): void => {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(result);
        };
        const check = (): void => {
          const row = rowOf(name);
          if (row && (row.textContent ?? '').includes(label)) {
            finish({ ms: performance.now() - started });
          }
        };
        const timer = window.setTimeout(
          () => finish({ error: `no "${label}" in the row of ${name} after ${timeoutMs} ms` }),
          timeoutMs,
        );
        listeners.add(check);
      });
    },
  };
  window.__popupBench = probe;

  const seeFirstRow = (): void => {
    if (!listeners.has(seeFirstRow)) return; // found already
    const found = rows();
    const row = found.find(
      (e) => (e.textContent ?? '').trim() !== '' && e.getBoundingClientRect().height > 0,
    );
    if (!row) {
      // Rows without text or box yet: look again next frame, mutations or not.
      if (found.length > 0) requestAnimationFrame(() => seeFirstRow());
      return;
    }
    listeners.delete(seeFirstRow);
    const domAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.firstRow = { domAt, paintedAt: performance.now() };
      };
      channel.port2.postMessage(null);
    });
  };
  listeners.add(seeFirstRow);
}

/** The init script: the shim, then the probe. */
export const PROBE_SCRIPT = `${NAME_SHIM}\n(${installProbe.toString()})();`;
