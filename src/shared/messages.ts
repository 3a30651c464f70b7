/**
 * The one message protocol between the extension pages (popup, options) and the background.
 * Requests go through `runtime.sendMessage`; both ends validate what they receive. The requests
 * themselves are declared in src/shared/ui-requests.ts.
 */
import browser from 'webextension-polyfill';
import { parseResponse, type ResponseFor, type UiRequest } from './ui-requests';
import { t } from '../ui/i18n';

export {
  parseUiRequest,
  type Failure,
  type PayloadOf,
  type RequestName,
  type ResponseFor,
  type ResponseMap,
  type UiRequest,
} from './ui-requests';

/** Extension pages hold a port with this name open: the background then knows a UI is watching. */
export const UI_PORT_NAME = 'presence-lens:ui';

/** Sends a request to the background. Never rejects: a transport failure becomes a Failure. */
export async function sendRequest<R extends UiRequest>(request: R): Promise<ResponseFor<R>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    const parsed = parseResponse(request.type, raw);
    return (parsed.ok ? parsed.value : { ok: false, error: parsed.error }) as ResponseFor<R>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: t('ui_background_silent', reason),
    } as ResponseFor<R>;
  }
}
