/**
 * The Aho-Corasick automaton behind the name matcher, over folded UTF-16 units, in typed arrays: the
 * matching loop takes a step per character of a page, and a step must cost a few ns.
 * Typed-array reads are in range by construction; the `!` only satisfies `noUncheckedIndexedAccess`.
 */
import { foldTerm } from './char-classes';

export interface TermAutomaton {
  /** Distinct texts (after folding) in the automaton. */
  readonly size: number;
  /** The root's transitions, by folded unit (0: none): the walk spends most of its time there. */
  readonly rootNext: Int32Array;
  /** Other nodes' children, as lists in order of unit (0 ends a list: the root is no one's child). */
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** The unit on the edge into each node. */
  readonly unitOf: Uint16Array;
  readonly fail: Int32Array;
  /** The first node on the fail chain (itself included) where a text ends, or -1. */
  readonly output: Int32Array;
  /** Index (in the texts given) of the first text that ends at a node, or -1. */
  readonly textAt: Int32Array;
  /** Units from the root: how far back a match still in progress started. */
  readonly depth: Int32Array;
}

export function buildTermAutomaton(texts: readonly string[]): TermAutomaton {
  // Sorted texts give the trie in one pass, each text sharing its prefix with the previous one, and
  // each node's children in order of unit. No Map per node: too slow to build for 50k nodes.
  const folded = texts.map(foldTerm);
  const order = folded
    .map((_, i) => i)
    .sort((x, y) => (folded[x]! < folded[y]! ? -1 : folded[x]! > folded[y]! ? 1 : x - y));
  const capacity = folded.reduce((sum, text) => sum + text.length, 1);
  const unitOf = new Uint16Array(capacity);
  const depth = new Int32Array(capacity);
  const textAt = new Int32Array(capacity).fill(-1);
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const lastChild = new Int32Array(capacity);
  const rootNext = new Int32Array(0x10000);
  const path = [0];
  let count = 1;
  let size = 0;
  let previous = '';
  for (const index of order) {
    const text = folded[index]!;
    let shared = 0;
    while (shared < text.length && text.charCodeAt(shared) === previous.charCodeAt(shared))
      shared++;
    let node = path[shared]!;
    for (let d = shared; d < text.length; d++) {
      const child = count++;
      unitOf[child] = text.charCodeAt(d);
      depth[child] = d + 1;
      if (node === 0) rootNext[unitOf[child]!] = child;
      else if (lastChild[node] === 0) firstChild[node] = child;
      else nextSibling[lastChild[node]!] = child;
      lastChild[node] = child;
      node = path[d + 1] = child;
    }
    // Equal texts sort by index, so the first one given keeps the node.
    if (node !== 0 && textAt[node] === -1) {
      textAt[node] = index;
      size++;
    }
    previous = text;
  }

  const fail = new Int32Array(count);
  const output = new Int32Array(count).fill(-1);
  const automaton: TermAutomaton = {
    size,
    rootNext,
    firstChild,
    nextSibling,
    unitOf,
    fail,
    output,
    textAt: textAt.subarray(0, count),
    depth: depth.subarray(0, count),
  };
  // Breadth first, so that a node's fail target (always shallower) is complete before it is used.
  // The root's children (fail 0) come first, in any order; lastChild doubles as the queue.
  const queue = lastChild;
  let tail = 0;
  for (let node = 1; node < count; node++) if (depth[node] === 1) queue[tail++] = node;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const target = fail[node]!;
    output[node] = textAt[node] !== -1 ? node : output[target]!;
    for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!) {
      fail[child] = step(automaton, target, unitOf[child]!);
      queue[tail++] = child;
    }
  }
  return automaton;
}

/** The node reached from `node` by `unit`, following fail links (0: the root). */
export function step(a: TermAutomaton, node: number, unit: number): number {
  for (;;) {
    if (node === 0) return a.rootNext[unit]!;
    for (let child = a.firstChild[node]!; child !== 0; child = a.nextSibling[child]!) {
      const at = a.unitOf[child]!;
      if (at === unit) return child;
      if (at > unit) break;
    }
    node = a.fail[node]!;
  }
}
