/**
 * The benchmark's people: created in the emulator through its control API (`POST /_emu/people`)
 * a few at a time, and turned into watch-list contacts (src/shared/contact.ts).
 */
import type { WatchedContact } from '../../src/shared/contact';

export interface BenchPerson {
  /** Hydra person id: the watch list's contactId. */
  readonly id: string;
  readonly uuid: string;
  readonly displayName: string;
  readonly email: string;
}

/** Requests in flight at once while creating people. */
const CONCURRENCY = 16;

/** "Bench Person 0007": fixed width, so no name is a prefix of another. */
export function benchName(index: number): string {
  return `Bench Person ${String(index + 1).padStart(4, '0')}`;
}

async function createPerson(baseUrl: string, index: number): Promise<BenchPerson> {
  const displayName = benchName(index);
  const email = `bench.person.${index + 1}@example.com`;
  const response = await fetch(`${baseUrl}/_emu/people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, emails: [email] }),
  });
  if (!response.ok) {
    throw new Error(`POST /_emu/people -> ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as { id: string; uuid: string };
  return { id: body.id, uuid: body.uuid, displayName, email };
}

/** Creates `count` people, CONCURRENCY requests at a time; returned in index order. */
export async function createPeople(baseUrl: string, count: number): Promise<BenchPerson[]> {
  const people: BenchPerson[] = new Array<BenchPerson>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      people[index] = await createPerson(baseUrl, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
  return people;
}

/** The watch list as the options page would have stored it, in the people's order. */
export function watchedContacts(people: readonly BenchPerson[], addedAt: number): WatchedContact[] {
  return people.map((p, i) => ({
    contactId: p.id,
    displayName: p.displayName,
    emails: [p.email],
    addedAt: addedAt + i,
  }));
}
