/**
 * The badges on a page by contact key, for PageBadges: which contacts have badges, and a version
 * that moves whenever that set does. Each mutation batch asks whether to tell the worker, and
 * must not walk every badge ever placed to find out (pages like chats grow).
 */
export class ShownContacts {
  readonly #hosts = new Map<string, Set<HTMLElement>>();
  #version = 0;

  get version(): number {
    return this.#version;
  }

  /**
   * Keys of the contacts with at least one badge (badges the page removed count until noticed),
   * in the order first shown: the worker takes them as a set, and a growing page asks often.
   */
  keys(): string[] {
    const keys: string[] = [];
    for (const [key, hosts] of this.#hosts) if (hosts.size > 0) keys.push(key);
    return keys;
  }

  /** Counts `host` among `key`'s badges; false if it was already. */
  add(key: string, host: HTMLElement): boolean {
    let hosts = this.#hosts.get(key);
    if (!hosts) this.#hosts.set(key, (hosts = new Set()));
    if (hosts.has(host)) return false;
    if (hosts.size === 0) this.#version++;
    hosts.add(host);
    return true;
  }

  delete(key: string, host: HTMLElement): void {
    const hosts = this.#hosts.get(key);
    if (hosts?.delete(host) && hosts.size === 0) this.#version++;
  }

  /** `key`'s badges. */
  of(key: string): ReadonlySet<HTMLElement> {
    return this.#hosts.get(key) ?? new Set();
  }

  /** Visits every badge; `visit` may delete the one it is given. */
  each(visit: (host: HTMLElement, key: string) => void): void {
    for (const [key, hosts] of this.#hosts) for (const host of hosts) visit(host, key);
  }

  clear(): void {
    if (this.#hosts.size > 0) this.#version++;
    this.#hosts.clear();
  }
}
