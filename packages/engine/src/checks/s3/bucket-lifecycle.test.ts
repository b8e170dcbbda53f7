import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { bucketLifecycle } from './bucket-lifecycle.js';
import { aBucket } from './s3-test-resources.js';

describe('s3.bucket-lifecycle', () => {
  it('passes an enabled rule and fails none, empty or disabled-only rules without a dollar figure', () => {
    const outcomes = runCheck(bucketLifecycle, {
      lifecycle: [
        aBucket('ruled', { rules: [{ Status: 'Enabled' }, { Status: 'Disabled' }] }),
        aBucket('none', { rules: null }),
        aBucket('empty', { rules: [] }),
        aBucket('off', { rules: [{ Status: 'Disabled' }] }),
        aBucket('denied', { error: 'AccessDenied' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['ruled:pass', 'none:fail', 'empty:fail', 'off:fail', 'denied:unknown']);
    const failed = outcomes[1];
    expect(failed?.status === 'fail' && failed.savings).toBeUndefined();
    expect(failed?.message).toContain('no monthly figure');
    expect(outcomes[3]?.message).toContain('only disabled lifecycle rules');
  });

  it('returns nothing without buckets', () => {
    expect(runCheck(bucketLifecycle, { lifecycle: [] })).toEqual([]);
  });
});
