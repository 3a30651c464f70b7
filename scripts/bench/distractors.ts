/**
 * Watched-contact lists for the benchmark: a page's listed names plus deterministic distractors
 * (seeded PRNG over common first and last names from many cultures, some with diacritics, and a
 * few CJK full names). A distractor never equals, case-insensitively, a listed name of any page.
 */
import type { BenchContact } from './types';

// prettier-ignore
const FIRST_NAMES = [
  // English-speaking
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William',
  'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
  'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony',
  'Margaret', 'Mark', 'Sandra', 'Steven', 'Ashley', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua',
  'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Alex', 'Dan', 'Rob',
  'Erin', 'Lucy', 'Dave',
  // French, Spanish, Portuguese, Italian
  'Sébastien', 'Hélène', 'François', 'Amélie', 'Jérôme', 'Chloé', 'Étienne', 'Zoé', 'Benoît',
  'Maëlle', 'José', 'María', 'Jesús', 'Lucía', 'Martín', 'Sofía', 'Álvaro', 'Inés', 'João',
  'Conceição', 'Tomás', 'Giulia', 'Lorenzo', 'Francesca', 'Matteo', 'Chiara', 'Niccolò',
  // German, Nordic, Dutch
  'Jürgen', 'Friederike', 'Günter', 'Käthe', 'Björn', 'Søren', 'Åsa', 'Øyvind', 'Sigríður',
  'Jónas', 'Anneke', 'Pieter', 'Lieke',
  // Slavic, Baltic, Hungarian, Turkish, Greek
  'Łukasz', 'Małgorzata', 'Wojciech', 'Zuzana', 'Jiří', 'Dušan', 'Ivana', 'Nikola', 'Andrzej',
  'Rūta', 'Gábor', 'Zsófia', 'Ömer', 'Ayşe', 'Çağla', 'Yiannis', 'Eleni', 'Dmitri', 'Olga',
  'Nataliya', 'Sergei',
  // South and South-East Asian, Middle Eastern, African
  'Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Lakshmi', 'Sanjay', 'Deepika', 'Mohammed',
  'Fatima', 'Ahmed', 'Aisha', 'Omar', 'Layla', 'Yusuf', 'Zainab', 'Nguyễn', 'Thảo', 'Minh', 'Siti',
  'Putri', 'Chinedu', 'Ngozi', 'Kwame', 'Ama', 'Tendai', 'Thandiwe', 'Sipho', 'Wanjiru', 'Kofi',
  // East Asian (romanised)
  'Wei', 'Li', 'Hiroshi', 'Yuki', 'Haruto', 'Sakura', 'Ji-woo', 'Min-jun', 'Seo-yeon', 'Kenji',
  // Latin American, Pacific, misc.
  'Mateo', 'Valentina', 'Santiago', 'Camila', 'Joaquín', 'Ximena', 'Aroha', 'Tāne', 'Keanu',
  'Leilani',
];

// prettier-ignore
const LAST_NAMES = [
  // English-speaking
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark',
  'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green',
  'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell',
  'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Perry', 'Heath', 'Cox', 'Archer', 'Beyer',
  'Goodman', "O'Brien", 'McAllister',
  // French, Spanish, Portuguese, Italian
  'Lefèvre', 'Dubois', 'Moreau', 'Fournier', 'Girard', 'Bérénger', 'Lemaître', 'Gonçalves',
  'García', 'Martínez', 'Rodríguez', 'Fernández', 'López', 'Pérez', 'Sánchez', 'Gómez', 'Muñoz',
  'Núñez', 'Ibáñez', 'Araújo', 'Simões', 'Magalhães', 'Rossi', 'Russo', 'Esposito', 'Bianchi',
  'Romano', 'Colombo', 'Ricci',
  // German, Nordic, Dutch
  'Schröder', 'Müller', 'Schäfer', 'Köhler', 'Weiß', 'Groß', 'Fischer', 'Johansson', 'Åberg',
  'Sørensen', 'Løvdal', 'Guðmundsdóttir', 'Jónsson', 'de Vries', 'van der Berg', 'Janssen',
  // Slavic, Baltic, Hungarian, Turkish, Greek
  'Kowalski', 'Wiśniewska', 'Wójcik', 'Lewandowski', 'Dvořák', 'Novák', 'Horváth', 'Kovačević',
  'Petrović', 'Jovanović', 'Ivanov', 'Smirnova', 'Kuznetsov', 'Popescu', 'Kazlauskas', 'Yılmaz',
  'Öztürk', 'Şahin', 'Papadopoulos', 'Georgiou',
  // South and South-East Asian, Middle Eastern, African
  'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Chatterjee', 'Nair', 'Al-Farsi',
  'Haddad', 'Khalil', 'Rahman', 'Hussain', 'Tran', 'Phạm', 'Lê', 'Santoso', 'Wijaya', 'Okafor',
  'Adeyemi', 'Mensah', 'Mwangi', 'Dlamini', 'Nkosi', 'Abebe', 'Diallo',
  // East Asian (romanised)
  'Wang', 'Zhang', 'Chen', 'Liu', 'Tanaka', 'Suzuki', 'Watanabe', 'Kim', 'Park', 'Nakamura',
  // Latin American, Pacific
  'Hernández', 'Ramírez', 'Cruz', 'Ortiz', 'Castillo', 'Ngata', 'Kahananui',
];

/** CJK full names (written without spaces) and the local part of their email. */
// prettier-ignore
const CJK_NAMES: readonly (readonly [string, string])[] = [
  ['王小明', 'xiaoming.wang'], ['李娜', 'na.li'], ['张伟', 'wei.zhang'], ['刘洋', 'yang.liu'],
  ['陈静', 'jing.chen'], ['杨帆', 'fan.yang'], ['黄丽', 'li.huang'], ['赵磊', 'lei.zhao'],
  ['周杰', 'jie.zhou'], ['吴敏', 'min.wu'], ['林志玲', 'zhiling.lin'], ['郭靖', 'jing.guo'],
  ['田中太郎', 'taro.tanaka'], ['佐藤花子', 'hanako.sato'], ['鈴木一郎', 'ichiro.suzuki'],
  ['山田優', 'yu.yamada'], ['高橋健', 'ken.takahashi'], ['김민준', 'minjun.kim'], ['이서연', 'seoyeon.lee'],
  ['박지훈', 'jihoon.park'],
];

const FOLD: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** The comparison key for names: case-folded, white space folded, NFC. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** `first.last` from a name: diacritics stripped, lower case; non-Latin letters are kept. */
export function emailLocalPart(name: string): string {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłđßæœðþı]/g, (c) => FOLD[c] ?? c)
    .split(/\s+/)
    .map((t) => t.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((t) => t !== '');
  const first = tokens[0] ?? 'contact';
  const last = tokens.length > 1 ? tokens[tokens.length - 1] : undefined;
  return last === undefined ? first : `${first}.${last}`;
}

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export interface Distractor {
  readonly name: string;
  readonly email: string;
}

/**
 * `count` distinct distractors, always the same for the same arguments. None equals (after
 * `nameKey`) any of `excluded`.
 */
export function makeDistractors(
  count: number,
  excluded: Iterable<string>,
  seed = 0x5eed,
): Distractor[] {
  const used = new Set<string>();
  for (const name of excluded) used.add(nameKey(name));
  const random = seededRandom(seed);
  const out: Distractor[] = [];
  const emails = new Set<string>();
  const maxAttempts = count * 50 + 1000;
  for (let attempt = 0; out.length < count && attempt < maxAttempts; attempt++) {
    let name: string;
    let local: string;
    if (random() < 0.03) {
      [name, local] = pick(CJK_NAMES, random);
    } else {
      name = `${pick(FIRST_NAMES, random)} ${pick(LAST_NAMES, random)}`;
      local = emailLocalPart(name);
    }
    const key = nameKey(name);
    if (used.has(key)) continue;
    used.add(key);
    // Two names may fold to one address (Müller/Muller): number the later ones.
    let email = `${local}@example.com`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@example.com`;
    emails.add(email);
    out.push({ name, email });
  }
  if (out.length < count) {
    throw new Error(`cannot make ${count} distinct distractor names (got ${out.length})`);
  }
  return out;
}

/**
 * The contacts watched on one page: its listed names (email `first.last@corpus.example`) placed
 * at deterministic positions among distractors, `total` contacts in all (more if the page lists
 * more names than that). Ids are `c<i>` by position; `listedIds[k]` is the id of `listed[k]`.
 */
export function contactsForPage(
  listed: readonly string[],
  distractors: readonly Distractor[],
  total: number,
  seed: number,
): { contacts: BenchContact[]; listedIds: string[] } {
  const size = Math.max(total, listed.length);
  const random = seededRandom(seed);
  const slots = new Set<number>();
  while (slots.size < listed.length) slots.add(Math.floor(random() * size));
  const listedAt = [...slots].sort((a, b) => a - b);
  const contacts: BenchContact[] = [];
  const listedIds: string[] = [];
  let nextListed = 0;
  let nextDistractor = 0;
  for (let i = 0; i < size; i++) {
    const id = `c${i}`;
    if (listedAt[nextListed] === i) {
      const name = listed[nextListed] ?? '';
      nextListed++;
      listedIds.push(id);
      contacts.push({ id, name, terms: [name, `${emailLocalPart(name)}@corpus.example`] });
    } else {
      const d = distractors[nextDistractor++];
      if (d === undefined) throw new Error('not enough distractors');
      contacts.push({ id, name: d.name, terms: [d.name, d.email] });
    }
  }
  return { contacts, listedIds };
}

/** A stable 32-bit seed from a string (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
