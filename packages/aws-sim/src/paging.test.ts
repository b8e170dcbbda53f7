import { describe, expect, it } from 'vitest';
import { checkLimit, paginate } from './paging.js';

describe('paginate', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it('walks every item exactly once and counts hops', () => {
    const depths: number[] = [];
    const seen: number[] = [];
    let token: string | undefined;
    do {
      const page = paginate(items, { scope: 's', token, limit: 5, notePage: (d) => depths.push(d) });
      seen.push(...page.items);
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(items);
    expect(depths).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns everything without a limit, and rejects foreign or garbage tokens', () => {
    expect(paginate(items, { scope: 's', token: undefined, limit: undefined, notePage: () => undefined })).toEqual({ items });
    const next = paginate(items, { scope: 'a', token: undefined, limit: 5, notePage: () => undefined }).nextToken;
    expect(() => paginate(items, { scope: 'b', token: next, limit: 5, notePage: () => undefined })).toThrow(/Invalid pagination token/);
    expect(() => paginate(items, { scope: 'b', token: '!!', limit: 5, notePage: () => undefined })).toThrow();
  });

  it('checkLimit enforces documented ranges', () => {
    expect(checkLimit(undefined, 5, 1000)).toBeUndefined();
    expect(checkLimit('5', 5, 1000)).toBe(5);
    expect(() => checkLimit('4', 5, 1000)).toThrow(/MaxResults/);
    expect(() => checkLimit(1001, 5, 1000)).toThrow();
  });
});
