import { html } from './html.js';
import type { Reply } from './http.js';
import type { AuthorizationGrant } from './oauth-store.js';

// The consent page /v1/authorize shows, and the page for requests it cannot redirect.
// Every value a request supplied goes through the escaping `html` template; nothing runs.

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
code{word-break:break-all}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}`;

/** No scripts, no framing, nothing loaded from elsewhere. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

export interface ConsentView {
  grant: AuthorizationGrant;
  /** The one-time token the form posts back. */
  consentToken: string;
  userName: string;
  userEmail: string;
}

export function consentPage({ grant, consentToken, userName, userEmail }: ConsentView): Reply {
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Webex emulator: sign in</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>Allow access to your Webex account?</h1>
        <p>
          The integration <code>${grant.clientId}</code> asks for <code>${grant.scope}</code> on
          behalf of ${userName} (${userEmail}).
        </p>
        <p>You will be sent back to <code>${grant.redirectUri}</code>.</p>
        <p>Request state: <code>${grant.state ?? '(none)'}</code></p>
        <form method="post" action="/v1/authorize/decision">
          <input type="hidden" name="consent" value="${consentToken}" />
          <button type="submit" name="decision" value="approve">Approve</button>
          <button type="submit" name="decision" value="deny">Deny</button>
        </form>
      </body>
    </html> `;
  return { status: 200, html: page.text, headers: PAGE_HEADERS };
}

/** For a request that must not be redirected (unknown client, unregistered redirect_uri). */
export function oauthErrorPage(status: number, error: string, description: string): Reply {
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Webex emulator: sign-in failed</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>This sign-in request cannot go on</h1>
        <p><code>${error}</code>: ${description}</p>
      </body>
    </html> `;
  return { status, html: page.text, headers: PAGE_HEADERS };
}
