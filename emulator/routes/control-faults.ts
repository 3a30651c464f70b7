import { HttpError } from '../http-error.js';
import type { Route } from '../http.js';
import { json } from '../http.js';
import { parseFaultRequest } from '../faults.js';
import type { MercuryHub } from '../mercury.js';
import { isSendableCloseCode } from '../mercury.js';
import type { EmulatorState } from '../state.js';
import { expectObject, optionalBody, optionalNumber, optionalString } from '../validate.js';

/** Fault knobs for the fault-tolerance suite (the failures of docs/protocol.md §3–§5, §7). */
export function faultRoutes(state: EmulatorState, mercury: MercuryHub): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/_emu/faults',
      auth: false,
      handler: async (req) => {
        const request = parseFaultRequest(await req.json());
        state.faults.apply(request);
        if (request.forgetDevices) state.forgetDevices();
        if (request.loseSubscriptions) state.loseSubscriptions();
        return json(200, state.faults.toJson());
      },
    },
    {
      method: 'GET',
      pattern: '/_emu/faults',
      auth: false,
      handler: () => json(200, state.faults.toJson()),
    },
    {
      method: 'DELETE',
      pattern: '/_emu/faults',
      auth: false,
      handler: () => {
        state.faults.clear();
        return json(200, state.faults.toJson());
      },
    },
    {
      method: 'POST',
      pattern: '/_emu/sockets/close',
      auth: false,
      handler: async (req) => {
        const body = expectObject(await req.json());
        const code = optionalNumber(body, 'code', { integer: true });
        if (code === undefined || !(code === 1005 || code === 1006 || isSendableCloseCode(code))) {
          throw new HttpError(
            400,
            '"code" must be a websocket close code: 1000-1003, 1005-1014 or 3000-4999',
          );
        }
        const reason = optionalString(body, 'reason') ?? '';
        if (Buffer.byteLength(reason) > 123)
          throw new HttpError(400, '"reason" must be at most 123 bytes');
        return json(200, { closed: mercury.closeAll(code, reason) });
      },
    },
    {
      method: 'POST',
      pattern: '/_emu/sockets/shutdown',
      auth: false,
      handler: async (req) => {
        const afterMs = optionalNumber(await optionalBody(req), 'afterMs', { min: 0 });
        return json(200, { notified: mercury.shutdownAll(afterMs ?? 2000) });
      },
    },
    {
      method: 'POST',
      pattern: '/_emu/sequence/skip',
      auth: false,
      handler: () => {
        mercury.skipSequence();
        return json(200, { ok: true });
      },
    },
  ];
}
