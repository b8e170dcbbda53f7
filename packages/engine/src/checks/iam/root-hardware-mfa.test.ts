import type { VirtualMFADevice } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../collectors/iam/account-summary.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';

const summary = (data: AccountSummary) => aResource(data, { id: '123456789012', type: 'AWS::IAM::AccountSummary', region: 'global' });
const device = (serial: string, userArn?: string) =>
  aResource<VirtualMFADevice>({ SerialNumber: serial, ...(userArn ? { User: { Arn: userArn, UserName: '', UserId: '', Path: '/', CreateDate: new Date(0) } } : {}) });

const ROOT_DEVICE = device('arn:aws:iam::123456789012:mfa/root-account-mfa-device', 'arn:aws:iam::123456789012:root');
const ALICE_DEVICE = device('arn:aws:iam::123456789012:mfa/alice', 'arn:aws:iam::123456789012:user/alice');
const SPARE_DEVICE = device('arn:aws:iam::123456789012:mfa/spare');

describe('iam.root-hardware-mfa', () => {
  it.each([
    { name: 'MFA and no virtual device for root', data: { AccountMFAEnabled: 1 }, devices: [ALICE_DEVICE, SPARE_DEVICE], status: 'pass' },
    { name: 'MFA that is a virtual device', data: { AccountMFAEnabled: 1 }, devices: [ALICE_DEVICE, ROOT_DEVICE], status: 'fail' },
    { name: 'no MFA at all (fails: no hardware MFA)', data: { AccountMFAEnabled: 0 }, devices: [], status: 'fail' },
    { name: 'summary without AccountMFAEnabled', data: {}, devices: [], status: 'unknown' },
  ])('$name -> $status', ({ data, devices, status }) => {
    expect(statuses(runCheck(rootHardwareMfa, { summary: [summary(data)], devices }))).toEqual([`<root_account>:${status}`]);
  });

  it('names the virtual device', () => {
    const [outcome] = runCheck(rootHardwareMfa, { summary: [summary({ AccountMFAEnabled: 1 })], devices: [ROOT_DEVICE] });
    expect(outcome?.message).toBe("The root user's MFA is a virtual device (arn:aws:iam::123456789012:mfa/root-account-mfa-device)");
  });

  it('returns nothing without a summary resource', () => {
    expect(runCheck(rootHardwareMfa, { summary: [], devices: [ROOT_DEVICE] })).toEqual([]);
  });
});
