import type { ServerCertificateMetadata } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses, TEST_NOW } from '../check-test-kit.js';
import { noExpiredServerCertificates } from './no-expired-server-certificates.js';

const cert = (name: string, expiration?: Date) =>
  aResource<ServerCertificateMetadata>(
    { ServerCertificateName: name, ServerCertificateId: 'ASCA', Path: '/', Arn: `arn:aws:iam::1:server-certificate/${name}`, ...(expiration ? { Expiration: expiration } : {}) },
    { id: name, region: 'global' },
  );

describe('iam.no-expired-server-certificates', () => {
  it('fails expired certificates, passes valid ones, is unknown without a date', () => {
    const outcomes = runCheck(noExpiredServerCertificates, {
      certificates: [
        cert('old', new Date('2025-01-31T00:00:00Z')),
        cert('valid', new Date('2027-06-01T00:00:00Z')),
        cert('now', TEST_NOW),
        cert('undated'),
      ],
    });
    expect(statuses(outcomes)).toEqual(['old:fail', 'valid:pass', 'now:fail', 'undated:unknown']);
    expect(outcomes[0]?.message).toBe('Server certificate old expired on 2025-01-31');
  });

  it('passes a certificate expiring one second from now', () => {
    const outcomes = runCheck(noExpiredServerCertificates, { certificates: [cert('soon', new Date(TEST_NOW.getTime() + 1000))] });
    expect(statuses(outcomes)).toEqual(['soon:pass']);
  });

  it('returns nothing when no certificates are stored', () => {
    expect(runCheck(noExpiredServerCertificates, { certificates: [] })).toEqual([]);
  });
});
