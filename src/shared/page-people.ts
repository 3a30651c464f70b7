/**
 * Who the watched contacts are, as pages receive them: one string of `id␡name␡email` records
 * joined by U+009E. A page parses the worker's JSON on every load, cold; one string costs it a
 * copy, where an object per contact cost a thousand allocations. Match terms name a contact by
 * where its record starts (see page-contacts.ts): a few digits where an id is dozens of
 * characters, and a page reads just the records its badges need, without splitting the rest.
 *
 * DEL and U+009E are characters JSON leaves as they are and names never hold: the worker drops
 * them (and every other control character) from what it encodes.
 */

/** Longer names and emails are not what the worker sends: a bound, not a product limit. */
export const MAX_PERSON_TEXT = 320;

export interface PagePerson {
  readonly id: string;
  readonly name: string;
  /** For "Open chat"; "" when the contact has none. */
  readonly email: string;
}

const FIELD = '\u007f';
const RECORD = '\u009e';
/** Not a C0 control, DEL or a C1 control. */
const printable = (char: string) => char >= ' ' && (char < '\u007f' || char > '\u009f');

/** The encoded people, and each one's key: where its record starts. */
export function encodePeople(people: readonly PagePerson[]): { encoded: string; keys: string[] } {
  const clean = (text: string) => [...text].filter(printable).join('').slice(0, MAX_PERSON_TEXT);
  const records = people.map((p) => [p.id, p.name, p.email].map(clean).join(FIELD));
  const keys: string[] = [];
  let offset = 0;
  for (const record of records) {
    keys.push(String(offset));
    offset += record.length + 1;
  }
  return { encoded: records.join(RECORD), keys };
}

/** The page's side: a record is read the first time it is asked for, and checked then. */
export class PagePeople {
  readonly #read = new Map<string, PagePerson | null>();
  #byId: Map<string, string> | null = null;
  readonly #encoded: string;

  constructor(encoded: string) {
    this.#encoded = encoded;
  }

  /** The contact whose record starts at `key` (a match term's key), if it is well formed. */
  at(key: string): PagePerson | null {
    let person = this.#read.get(key);
    if (person === undefined) this.#read.set(key, (person = this.#decode(key)));
    return person;
  }

  #decode(key: string): PagePerson | null {
    const text = this.#encoded;
    const start = Number(key);
    if (!Number.isInteger(start) || String(start) !== key) return null;
    if (start < 0 || start >= text.length) return null;
    if (start > 0 && text[start - 1] !== RECORD) return null;
    const end = text.indexOf(RECORD, start);
    const [id, name, email, extra] = text.slice(start, end < 0 ? undefined : end).split(FIELD);
    if (!id || name === undefined || email === undefined || extra !== undefined) return null;
    if ([id, name, email].some((field) => field.length > MAX_PERSON_TEXT)) return null;
    return { id, name, email };
  }

  /** By contact id: for a new watch list, not for matching, so the index is built only then. */
  byId(id: string): PagePerson | null {
    if (!this.#byId) {
      this.#byId = new Map();
      const text = this.#encoded;
      for (let start = 0; start < text.length;) {
        const end = text.indexOf(RECORD, start);
        const record = text.slice(start, end < 0 ? undefined : end);
        const recordId = record.slice(0, record.indexOf(FIELD));
        if (!this.#byId.has(recordId)) this.#byId.set(recordId, String(start));
        start = end < 0 ? text.length : end + 1;
      }
    }
    const key = this.#byId.get(id);
    return key === undefined ? null : this.at(key);
  }
}
