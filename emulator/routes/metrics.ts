import type { Route } from '../http.js';

/** Where the metrics service lives on the emulator's host (the real one: metrics-a.wbx2.com). */
export const METRICS_BASE = '/metrics/api/v1';

/**
 * The metrics service the JS SDK posts to (internal-plugin-metrics batchers). Everything is
 * accepted and dropped; without it the SDK's batchers reject every 30 s.
 */
export function metricsRoutes(): Route[] {
  const accept = (resource: string, auth: boolean): Route => ({
    method: 'POST',
    pattern: `${METRICS_BASE}/${resource}`,
    auth,
    handler: async (req) => {
      await req.json(); // a malformed body is still a 400, like any other route
      return { status: 204 };
    },
  });
  return [
    accept('metrics', true),
    accept('clientmetrics', true),
    accept('clientmetrics-prelogin', false),
  ];
}
