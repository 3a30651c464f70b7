import { createHash } from 'node:crypto';
import type { PersonType } from './people.js';
import type { WireStatus } from './statuses.js';

export interface DemoPerson {
  displayName: string;
  email: string;
  role: string;
  type?: PersonType;
  status: WireStatus;
  customStatus?: string;
  /** Seconds, or 'evening' for "until 19:00 local time". */
  ttl?: number | 'evening';
  lastActiveMinutesAgo?: number;
  /** No profile picture: shown with initials. People have one unless this says otherwise. */
  avatar?: false;
}

const MIN = 60;
const DAY = 24 * 60 * MIN;

/** Covers all twelve states; the last four are the ones the scenario timer keeps moving. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    displayName: 'Ada Lovelace',
    email: 'ada.lovelace@example.com',
    role: 'Principal Engineer',
    status: 'active',
    customStatus: 'Reviewing the analytics engine',
  },
  {
    displayName: 'Grace Hopper',
    email: 'grace.hopper@example.com',
    role: 'Compiler Lead',
    status: 'dnd',
    customStatus: 'Focus time',
    ttl: 45 * MIN,
  },
  {
    displayName: 'Alan Turing',
    avatar: false,
    email: 'alan.turing@example.com',
    role: 'Research Scientist',
    status: 'inactive',
    lastActiveMinutesAgo: 37,
  },
  {
    displayName: 'Katherine Johnson',
    email: 'katherine.johnson@example.com',
    role: 'Flight Dynamics Analyst',
    status: 'ooo',
    customStatus: 'On PTO until Monday',
    ttl: 3 * DAY,
  },
  {
    displayName: 'Margaret Hamilton',
    email: 'margaret.hamilton@example.com',
    role: 'Software Architect',
    status: 'quiet',
    customStatus: 'Quiet hours',
    ttl: 'evening',
  },
  {
    displayName: 'Edsger Dijkstra',
    email: 'edsger.dijkstra@example.com',
    role: 'Algorithms Engineer',
    status: 'busy',
    customStatus: 'Heads down on the release',
  },
  {
    displayName: 'Barbara Liskov',
    email: 'barbara.liskov@example.com',
    role: 'Engineering Manager',
    status: 'call',
  },
  {
    displayName: 'Dennis Ritchie',
    email: 'dennis.ritchie@example.com',
    role: 'Systems Engineer',
    status: 'meeting',
    customStatus: 'Sprint planning',
    ttl: 50 * MIN,
  },
  {
    displayName: 'Hedy Lamarr',
    email: 'hedy.lamarr@example.com',
    role: 'Wireless Specialist',
    status: 'presenting',
    customStatus: 'Customer demo',
  },
  {
    displayName: 'John von Neumann',
    email: 'john.vonneumann@example.com',
    role: 'Chief Architect',
    status: 'calendarItem',
    customStatus: 'Back from lunch at 14:00',
    ttl: 40 * MIN,
  },
  {
    displayName: 'Radia Perlman',
    email: 'radia.perlman@example.com',
    role: 'Network Engineer (new starter)',
    status: 'pending',
  },
  {
    displayName: 'Claude Shannon',
    email: 'claude.shannon@example.com',
    role: 'Information Theorist',
    status: 'unknown',
  },
  {
    displayName: 'Build Bot',
    email: 'build.bot@example.com',
    role: 'CI notifications',
    type: 'bot',
    status: 'unknown',
  },
  {
    displayName: "Zoë O'Brien",
    avatar: false,
    email: 'zoe.obrien@example.com',
    role: 'Product Manager',
    status: 'active',
    customStatus: 'Working from the Dublin office',
  },
  {
    displayName: 'Renée Müller-Schmidt',
    email: 'renee.muller-schmidt@example.com',
    role: 'UX Researcher',
    status: 'meeting',
  },
  {
    displayName: 'Frances Allen',
    email: 'frances.allen@example.com',
    role: 'Performance Engineer',
    status: 'dnd',
    customStatus: 'Focus time',
  },
  {
    displayName: 'Charles Babbage',
    avatar: false,
    email: 'charles.babbage@example.com',
    role: 'Support Engineer',
    status: 'call',
  },
];

/** Stable uuids, so a demo page or a test can refer to the same person across runs. */
export function demoUuid(email: string): string {
  const hex = createHash('sha1').update(`presence-lens-demo:${email}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Seconds until the next 19:00 local time, but never less than an hour. */
export function secondsUntilEvening(now: number): number {
  const evening = new Date(now);
  evening.setHours(19, 0, 0, 0);
  if (evening.getTime() - now < 60 * MIN * 1000) evening.setDate(evening.getDate() + 1);
  return Math.round((evening.getTime() - now) / 1000);
}
