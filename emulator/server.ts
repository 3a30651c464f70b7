import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoScenario } from './demo-scenario.js';
import { DEMO_TOKEN } from './demo-token.js';
import { dispatch } from './dispatch.js';
import { guarded } from './guard.js';
import type { Route } from './http.js';
import { MercuryHub } from './mercury.js';
import { apheleiaRoutes } from './routes/apheleia.js';
import { catalogRoutes } from './routes/catalog.js';
import { controlRoutes } from './routes/control.js';
import { oauthControlRoutes } from './routes/control-oauth.js';
import { faultRoutes } from './routes/control-faults.js';
import { pushRoutes } from './routes/control-push.js';
import { demoRoutes } from './routes/demo.js';
import { avatarRoutes } from './routes/avatars.js';
import { hydraRoutes } from './routes/hydra.js';
import { metricsRoutes } from './routes/metrics.js';
import { oauthRoutes } from './routes/oauth.js';
import { wdmRoutes } from './routes/wdm.js';
import { EmulatorState } from './state.js';

export interface EmulatorOptions {
  port?: number; // 0 = a free port
  tokens?: string[]; // default [DEMO_TOKEN]
  demo?: boolean;
  verbose?: boolean;
  now?: () => number;
  /** Mercury auth deadline; 30 s like the real service. Lower it in tests. */
  authTimeoutMs?: number;
  /** Demo scenario tick; about 5 s by default. */
  demoIntervalMs?: number;
}

export interface RunningEmulator {
  baseUrl: string; // http://127.0.0.1:PORT
  port: number;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 100;

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = opts.now ?? Date.now;
  const log = opts.verbose ? (m: string) => console.error(`[emulator] ${m}`) : () => {};
  const state = new EmulatorState(now, opts.tokens ?? [DEMO_TOKEN]);
  const mercury = new MercuryHub({
    now,
    log,
    acceptsToken: (t) => state.acceptsToken(t),
    deviceExists: (id) => state.devices.get(id) !== undefined,
    deviceUrl: (id) => state.deviceUrl(id),
    pongMode: () => state.faults.pong,
    authTimeoutMs: opts.authTimeoutMs ?? 30_000,
  });
  state.pushEvent = (deviceId, data) => mercury.sendEvent(deviceId, data);
  const demo = new DemoScenario(state, opts.demoIntervalMs ?? 5000);
  const routes: Route[] = [
    ...catalogRoutes(state),
    ...wdmRoutes(state),
    ...apheleiaRoutes(state),
    ...hydraRoutes(state),
    ...avatarRoutes(state),
    ...oauthRoutes(state),
    ...metricsRoutes(),
    ...controlRoutes({ state, mercury, demo }),
    ...faultRoutes(state, mercury),
    ...pushRoutes(mercury),
    ...oauthControlRoutes(state),
    ...demoRoutes(),
  ];

  const server = createServer((req, res) => void dispatch(state, routes, req, res, log));
  server.on('upgrade', (req, socket, head) => mercury.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  state.base = `http://127.0.0.1:${port}`;
  if (opts.demo) demo.start();
  const sweeper = setInterval(
    guarded('sweeper', () => state.sweep()),
    SWEEP_INTERVAL_MS,
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      clearInterval(sweeper);
      demo.stop();
      mercury.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { baseUrl: state.base, port, close };
}
