import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { keyRotationEnabled } from './key-rotation-enabled.js';
import { aKey } from './kms-test-resources.js';

describe('kms.key-rotation-enabled', () => {
  it('passes rotating keys, fails the others, skips keys rotation does not apply to', () => {
    const outcomes = runCheck(keyRotationEnabled, {
      keys: [
        aKey('rotating', { Description: 'app data' }, { enabled: true, periodInDays: 180 }),
        aKey('static', {}, { enabled: false, periodInDays: null }),
        aKey('aws-managed', { KeyManager: 'AWS' }),
        aKey('asymmetric', { KeySpec: 'RSA_2048' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['rotating:pass', 'static:fail']);
    expect(outcomes[0]?.message).toBe('KMS key rotating (app data) rotates every 180 days');
  });

  it('answers unknown when the key or its rotation status could not be read', () => {
    const outcomes = runCheck(keyRotationEnabled, {
      keys: [aKey('hidden', { error: 'AccessDeniedException' }), aKey('rot-hidden', {}, { error: 'AccessDeniedException' })],
    });
    expect(statuses(outcomes)).toEqual(['hidden:unknown', 'rot-hidden:unknown']);
  });

  it('returns nothing for a region without keys', () => {
    expect(runCheck(keyRotationEnabled, { keys: [] })).toEqual([]);
  });
});
