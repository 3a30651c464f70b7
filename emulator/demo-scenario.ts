import type { DemoPerson } from './demo-people.js';
import { DEMO_PEOPLE, demoUuid, secondsUntilEvening } from './demo-people.js';
import { guarded } from './guard.js';
import type { EmulatorState } from './state.js';
import type { WireStatus } from './statuses.js';

interface Step {
  status: WireStatus;
  customStatus?: string;
  ttl?: number;
}

/** Deterministic cycles, one step per tick, so a viewer sees live changes. */
const CYCLES: Record<string, Step[]> = {
  'zoe.obrien@example.com': [
    { status: 'call' },
    { status: 'meeting', customStatus: 'Roadmap review' },
    { status: 'presenting', customStatus: 'Roadmap review' },
    { status: 'active', customStatus: 'Working from the Dublin office' },
  ],
  'renee.muller-schmidt@example.com': [
    { status: 'active' },
    { status: 'busy', customStatus: 'Writing the quarterly report' },
    { status: 'active' },
    { status: 'meeting' },
  ],
  'frances.allen@example.com': [
    { status: 'active' },
    { status: 'quiet', customStatus: 'Recharging', ttl: 30 * 60 },
    { status: 'calendarItem', customStatus: 'Dentist until 16:00' },
    { status: 'dnd', customStatus: 'Focus time', ttl: 25 * 60 },
  ],
  'charles.babbage@example.com': [
    { status: 'active' },
    { status: 'meeting', customStatus: 'Incident review' },
    { status: 'active' },
    { status: 'call' },
  ],
};

function seedOne(state: EmulatorState, p: DemoPerson): void {
  const uuid = demoUuid(p.email);
  if (!state.people.get(uuid)) {
    state.people.add(
      {
        uuid,
        displayName: p.displayName,
        emails: [p.email],
        type: p.type ?? 'person',
        avatar: (p.type ?? 'person') === 'person' && p.avatar !== false,
      },
      state.now(),
    );
  }
  const now = state.now();
  state.presence.set(uuid, {
    status: p.status,
    customStatus: p.customStatus ?? '',
    ttlSeconds: p.ttl === 'evening' ? secondsUntilEvening(now) : p.ttl,
    lastActive:
      p.lastActiveMinutesAgo !== undefined ? now - p.lastActiveMinutesAgo * 60_000 : undefined,
  });
}

export class DemoScenario {
  private timer: NodeJS.Timeout | undefined;
  private tick = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stop();
    for (const p of DEMO_PEOPLE) seedOne(this.state, p);
    this.tick = 0;
    this.timer = setInterval(
      guarded('demo tick', () => this.step()),
      this.intervalMs,
    );
  }

  step(): void {
    for (const [email, cycle] of Object.entries(CYCLES)) {
      const step = cycle[this.tick % cycle.length];
      if (step)
        this.state.presence.set(demoUuid(email), {
          status: step.status,
          customStatus: step.customStatus,
          ttlSeconds: step.ttl,
        });
    }
    this.tick += 1;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
