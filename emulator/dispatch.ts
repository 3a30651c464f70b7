import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultError } from './faults.js';
import { assertControlRequest } from './guard.js';
import { errorBody, HttpError, newTrackingId } from './http-error.js';
import type { Reply, Request, Route } from './http.js';
import { bearerToken, bodyReader, corsHeaders, matchRoute, writeReply } from './http.js';
import type { EmulatorState } from './state.js';

export type Logger = (message: string) => void;

function errorReply(err: unknown, trackingId: string, log: Logger): Reply {
  if (err instanceof HttpError) {
    return { status: err.status, body: errorBody(err.message, trackingId), headers: err.headers };
  }
  log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { status: 500, body: errorBody('Internal emulator error', trackingId) };
}

/** One request: CORS, stats, injected faults, auth, then the route; never throws. */
export async function dispatch(
  state: EmulatorState,
  routes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<void> {
  try {
    await handle(state, routes, req, res, log);
  } catch (err) {
    // Last line of defence: a bad request must never take the emulator down.
    log(`dispatch failed: ${err instanceof Error ? err.message : String(err)}`);
    if (!res.headersSent) writeReply(res, { status: 400, body: errorBody('Bad request') }, {});
    else res.destroy();
  }
}

async function handle(
  state: EmulatorState,
  routes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const trackingId = newTrackingId();
  const headers = { ...corsHeaders(req.headers.origin), trackingid: trackingId };
  if (method === 'OPTIONS') {
    writeReply(res, { status: 204 }, headers);
    return;
  }
  const match = matchRoute(routes, method, url.pathname);
  const pattern = match.route?.pattern ?? match.pattern ?? url.pathname;
  const fromClient = !pattern.startsWith('/_emu/') && pattern !== '/demo';
  let reply: Reply;
  try {
    if (url.pathname.startsWith('/_emu/')) assertControlRequest(method, req.headers, state.port);
    if (fromClient) {
      state.stats.count(`${method} ${pattern}`);
      state.stats.budget.record(`${method} ${pattern}`, state.now());
      state.stats.countHost(req.headers.host ?? '');
      state.sweep();
      const fault = state.faults.takeHttp(method, pattern);
      if (fault?.hang && !(await state.faults.hold(req, res))) {
        log(`${method} ${url.pathname}${url.search} held until the connection closed`);
        return;
      }
      if (fault?.status !== undefined) throw faultError(fault.status, fault.retryAfter);
    }
    if (!match.route) {
      throw match.pattern !== undefined
        ? new HttpError(405, `Method ${method} not allowed on ${match.pattern}`)
        : new HttpError(404, `No such resource: ${url.pathname}`);
    }
    if (match.route.auth) {
      const token = bearerToken(req.headers.authorization);
      if (token === undefined)
        throw new HttpError(
          401,
          'The request requires a valid access token set in the Authorization request header.',
        );
      if (!state.acceptsToken(token))
        throw new HttpError(401, 'The access token is invalid or has been revoked.');
    }
    const request: Request = {
      method,
      path: url.pathname,
      query: url.searchParams,
      params: match.params,
      headers: req.headers,
      ...bodyReader(req),
    };
    reply = await match.route.handler(request);
  } catch (err) {
    reply = errorReply(err, trackingId, log);
  }
  if (!res.headersSent) writeReply(res, reply, headers);
  log(`${method} ${url.pathname}${url.search} -> ${reply.status}`);
  req.resume(); // drain an unread body so keep-alive connections stay usable
}
