import { describe, expect, it } from 'vitest';
import { UnknownRegionError, validateRegionNames } from './regions.js';

describe('validateRegionNames', () => {
  it('accepts known regions', () => {
    expect(() => validateRegionNames(['us-east-1', 'eu-west-1'])).not.toThrow();
  });

  it('names every unknown region and lists the valid ones', () => {
    const error = (() => {
      try {
        validateRegionNames(['us-east-1', 'us-east-9', 'mars-1']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownRegionError);
    expect((error as Error).message).toMatch(/^Unknown regions: us-east-9, mars-1\. Valid regions: .*us-west-2.*"all"/);
  });

  it('rejects an empty list', () => {
    expect(() => validateRegionNames([])).toThrow(UnknownRegionError);
  });
});
