/**
 * What the two demos (scripts/demo.ts in Chromium, scripts/demo-firefox.ts in Firefox) share:
 * whom they watch, and their running part: what the popup and the badges show is printed every half second, a screenshot saved every 30 s, and
 * Ctrl-C closes the browser and the emulator.
 */
export interface DemoPerson {
  readonly displayName: string;
  readonly emails: readonly string[];
  readonly type: string;
  readonly signedIn: boolean;
}

/** The demo people to watch: every person the emulator knows, but the bot and the signed-in user. */
export async function listDemoPeople(baseUrl: string): Promise<DemoPerson[]> {
  const response = await fetch(`${baseUrl}/_emu/people`);
  const body = (await response.json()) as { people: DemoPerson[] };
  return body.people.filter((p) => p.type === 'person' && !p.signedIn);
}

export interface DemoLoop {
  /** Prints what changed since the last look. */
  readonly look: () => void;
  readonly shoot: () => Promise<void>;
  readonly closeBrowser: () => Promise<void>;
  readonly closeEmulator: () => Promise<void>;
}

export function runDemoLoop({ look, shoot, closeBrowser, closeEmulator }: DemoLoop): void {
  const poll = setInterval(look, 500);
  const screenshots = setInterval(() => void shoot().catch(() => undefined), 30_000);
  const stop = async () => {
    clearInterval(poll);
    clearInterval(screenshots);
    console.log('\nStopping…');
    await closeBrowser().catch(() => undefined);
    await closeEmulator();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Runs a demo's start; a failure to start is said and ends the process. */
export function startDemo(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error('The demo could not start:', error);
    process.exit(1);
  });
}
