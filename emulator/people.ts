import { randomUUID } from 'node:crypto';

export type PersonType = 'person' | 'bot' | 'appuser';
export const PERSON_TYPES: readonly PersonType[] = ['person', 'bot', 'appuser'];

export interface Person {
  uuid: string;
  displayName: string;
  firstName: string;
  lastName: string;
  emails: string[];
  type: PersonType;
  /** Has a profile picture (served at /avatars/, see routes/avatars.ts). */
  avatar: boolean;
  created: number;
}

export interface NewPerson {
  uuid?: string;
  displayName: string;
  emails: string[];
  type?: PersonType;
  avatar?: boolean;
}

function splitName(displayName: string): { firstName: string; lastName: string } {
  const [first = '', ...rest] = displayName.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

export class PeopleStore {
  private readonly byUuid = new Map<string, Person>();

  add(input: NewPerson, now: number): Person {
    const person: Person = {
      uuid: (input.uuid ?? randomUUID()).toLowerCase(),
      displayName: input.displayName.trim(),
      ...splitName(input.displayName),
      emails: input.emails.map((e) => e.trim()),
      type: input.type ?? 'person',
      avatar: input.avatar ?? false,
      created: now,
    };
    this.byUuid.set(person.uuid, person);
    return person;
  }

  get(uuid: string): Person | undefined {
    return this.byUuid.get(uuid.toLowerCase());
  }

  findByEmail(email: string): Person | undefined {
    const wanted = email.trim().toLowerCase();
    return this.list().find((p) => p.emails.some((e) => e.toLowerCase() === wanted));
  }

  /** Case-insensitive prefix of the display name, first name or last name. */
  searchByName(prefix: string, max: number): Person[] {
    const wanted = prefix.toLowerCase();
    const hits = this.list().filter((p) =>
      [p.displayName, p.firstName, p.lastName].some((n) => n.toLowerCase().startsWith(wanted)),
    );
    return hits.slice(0, max);
  }

  list(): Person[] {
    return [...this.byUuid.values()];
  }

  removeAllExcept(uuid: string): void {
    for (const key of [...this.byUuid.keys()]) if (key !== uuid) this.byUuid.delete(key);
  }
}
