/**
 * Deterministic pseudo-random numbers. Every generator gets its own stream derived from
 * (seed, name) so that changing the size of one resource type does not reshuffle the others.
 */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  hex(length: number): string;
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/** murmur3 finaliser: a bijection on uint32, so distinct counters give distinct ids. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(seed: number, stream: string): Rng {
  let state = mix32(seed ^ hashString(stream)) || 1;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => pickFrom(items, next()),
    weighted: (entries) => pickWeighted(entries, next()),
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

function pickFrom<T>(items: readonly T[], r: number): T {
  const item = items[Math.floor(r * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T>(entries: readonly (readonly [T, number])[], r: number): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = r * total;
  for (const [value, weight] of entries) {
    x -= weight;
    if (x < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** A 17-hex-digit AWS-style id suffix (e.g. `i-0a1b...`), unique per (salt, counter). */
export function awsHexId(prefix: string, baseSalt: number, counter: number): string {
  // Mix the prefix in so i-, vol- and sg- ids with the same counter do not share digits.
  const salt = mix32(baseSalt ^ hashString(prefix));
  const a = mix32(counter ^ salt).toString(16).padStart(8, '0');
  const b = mix32(counter + salt * 31 + 7).toString(16).padStart(8, '0');
  return `${prefix}-0${a}${b}`;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM unique ids look like AIDA + 17 upper-case base32 characters. */
export function iamUniqueId(prefix: string, salt: number, counter: number): string {
  let x = mix32(counter ^ salt);
  let y = mix32(counter + salt * 17 + 3);
  let out = prefix;
  for (let i = 0; i < 17; i++) {
    const source = i < 6 ? x : y;
    out += UPPER[(source >>> ((i % 6) * 5)) & 31];
    if (i === 5) x = mix32(x + 1);
    if (i % 6 === 5) y = mix32(y + i);
  }
  return out;
}

/** Split `total` over `buckets` with weights, largest remainder: deterministic and exact. */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
