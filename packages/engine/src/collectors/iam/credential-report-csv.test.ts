import { describe, expect, it } from 'vitest';
import { parseCredentialReport, splitCsvLine } from './credential-report-csv.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,' +
  'mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,' +
  'access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
  'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT =
  '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2026-11-20T10:00:00+00:00,' +
  'not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ALICE =
  'alice,arn:aws:iam::123456789012:user/alice,2024-03-01T12:00:00+00:00,true,no_information,2024-03-01T12:05:00+00:00,N/A,' +
  'false,true,2024-03-02T00:00:00+00:00,2026-11-30T08:00:00+00:00,us-east-1,s3,false,2024-05-01T00:00:00+00:00,N/A,N/A,N/A,' +
  'true,2025-01-01T00:00:00+00:00,false,N/A';

describe('parseCredentialReport', () => {
  it('types the root row: not_supported password columns are null, isRoot set', () => {
    const [root] = parseCredentialReport(`${HEADER}\n${ROOT}\n`);
    expect(root).toMatchObject({
      user: '<root_account>', arn: 'arn:aws:iam::123456789012:root', isRoot: true,
      passwordEnabled: null, passwordLastUsed: new Date('2026-11-20T10:00:00Z'), passwordLastChanged: null, mfaActive: true,
    });
    expect(root?.accessKeys.map((key) => key.active)).toEqual([false, false]);
  });

  it('types a user row: booleans, dates, no_information and N/A as null', () => {
    const [, alice] = parseCredentialReport(`${HEADER}\r\n${ROOT}\r\n${ALICE}`);
    expect(alice).toEqual({
      user: 'alice', arn: 'arn:aws:iam::123456789012:user/alice', isRoot: false,
      userCreationTime: new Date('2024-03-01T12:00:00Z'),
      passwordEnabled: true, passwordLastUsed: null, passwordLastChanged: new Date('2024-03-01T12:05:00Z'), passwordNextRotation: null,
      mfaActive: false,
      accessKeys: [
        { slot: 1, active: true, lastRotated: new Date('2024-03-02T00:00:00Z'), lastUsed: new Date('2026-11-30T08:00:00Z'), lastUsedRegion: 'us-east-1', lastUsedService: 's3' },
        { slot: 2, active: false, lastRotated: new Date('2024-05-01T00:00:00Z'), lastUsed: null, lastUsedRegion: null, lastUsedService: null },
      ],
      certificates: [{ slot: 1, active: true, lastRotated: new Date('2025-01-01T00:00:00Z') }, { slot: 2, active: false, lastRotated: null }],
    });
  });

  it('reads columns by header name, not position', () => {
    const names = HEADER.split(',');
    const values = ALICE.split(',');
    const order = names.map((_, i) => i).reverse();
    const csv = `${order.map((i) => names[i]).join(',')}\n${order.map((i) => values[i]).join(',')}`;
    const [alice] = parseCredentialReport(csv);
    expect(alice?.user).toBe('alice');
    expect(alice?.accessKeys[0].lastUsedService).toBe('s3');
  });

  it('tolerates missing optional columns (older report formats)', () => {
    const header = HEADER.split(',').filter((name) => !name.includes('last_used_') && !name.startsWith('cert_'));
    const row = header.map((name) => (name === 'user' ? 'bob' : name.endsWith('active') ? 'true' : 'N/A'));
    const [bob] = parseCredentialReport(`${header.join(',')}\n${row.join(',')}`);
    expect(bob?.accessKeys[0]).toMatchObject({ active: true, lastUsed: null, lastUsedRegion: null });
    expect(bob?.certificates[0].active).toBe(false);
  });

  it('recovers a user name containing commas (AWS does not quote it)', () => {
    const odd = ALICE.replace('alice,arn:aws:iam::123456789012:user/alice', 'a,b,c,arn:aws:iam::123456789012:user/a,b,c');
    const [row] = parseCredentialReport(`${HEADER}\n${odd}`);
    expect(row).toMatchObject({ user: 'a,b,c', arn: 'arn:aws:iam::123456789012:user/a,b,c', passwordEnabled: true });
  });

  it('turns unparsable dates into null', () => {
    const [row] = parseCredentialReport(`${HEADER}\n${ALICE.replace('2024-03-01T12:00:00+00:00', 'yesterday')}`);
    expect(row?.userCreationTime).toBeNull();
  });

  it.each([
    { name: 'an empty report', csv: '', error: /empty/ },
    { name: 'a header missing a required column', csv: HEADER.replace('mfa_active,', ''), error: /lacks columns: mfa_active/ },
    { name: 'a row with too few fields', csv: `${HEADER}\nalice,arn,2024-01-01`, error: /line 2 has 3 fields, header has 22/ },
  ])('throws on $name', ({ csv, error }) => {
    expect(() => parseCredentialReport(csv)).toThrow(error);
  });

  it('returns no rows for a header-only report', () => {
    expect(parseCredentialReport(`${HEADER}\n`)).toEqual([]);
  });
});

describe('splitCsvLine', () => {
  it('honours quotes and doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });
});
