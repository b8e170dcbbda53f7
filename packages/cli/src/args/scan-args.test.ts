import { allChecks } from '@cloudsweep/engine';
import { describe, expect, it } from 'vitest';
import { CliError } from '../io.js';
import { parseScanCommand, readScanFlags } from './scan-args.js';

function parse(args: string[], env: Record<string, string> = {}) {
  return parseScanCommand(readScanFlags(args), env, allChecks);
}

function usageMessage(args: string[], env: Record<string, string> = {}): string {
  try {
    parse(args, env);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  throw new Error('expected a usage error');
}

describe('scan flags', () => {
  it('defaults to every region, the default credential chain, table and no --fail-on', () => {
    const command = parse([]);
    expect(command).toMatchObject({ format: 'table', failOn: undefined, quiet: false, output: undefined });
    expect(command.options).toMatchObject({ regions: 'all', credentials: { kind: 'default' } });
    expect(command.options.checks).toBeUndefined();
  });

  it('maps every flag onto engine options', () => {
    const command = parse([
      '--regions', 'eu-west-1, us-east-1', '--checks', 'ec2', '--profile', 'audit',
      '--role-arn', 'arn:aws:iam::123456789012:role/scan', '--external-id', 'x1',
      '--endpoint-url', 'http://localhost:5000', '--format', 'sarif', '--output', 'out.sarif',
      '--fail-on', 'high', '--concurrency', '8', '--rate-share', '0.5', '--timeout', '90', '--quiet',
    ]);
    expect(command).toMatchObject({ format: 'sarif', output: 'out.sarif', failOn: 'high', quiet: true });
    expect(command.options).toEqual({
      regions: ['eu-west-1', 'us-east-1'],
      checks: ['ec2'],
      endpoint: 'http://localhost:5000',
      credentials: { kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/scan', externalId: 'x1', source: { kind: 'default', profile: 'audit' } },
      concurrency: { global: 8, rateShare: 0.5 },
      deadlineMs: 90_000,
    });
  });

  it('uses keys from the given environment unless a profile is named, as the default chain would', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    expect(parse([], env).options.credentials).toEqual({ kind: 'keys', accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY });
    expect(parse(['--profile', 'audit'], env).options.credentials).toEqual({ kind: 'default', profile: 'audit' });
    expect(parse(['--role-arn', 'arn:aws:iam::123456789012:role/r'], env).options.credentials).toMatchObject({ kind: 'role', source: { kind: 'keys' } });
  });

  it('takes the endpoint from AWS_ENDPOINT_URL when no flag is given', () => {
    expect(parse([], { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }).options.endpoint).toBe('http://127.0.0.1:9');
  });

  it('names what was wrong and what is valid', () => {
    expect(usageMessage(['--regions', 'eu-west-1,mars-1'])).toMatch(/Unknown region: mars-1\. Valid regions: .*eu-west-1.*"all"/);
    expect(usageMessage(['--checks', 'ec2,nope,s3.x'])).toMatch(/^Unknown checks: nope, s3\.x\. Use a check id or a service name.*Services: .*ec2/);
    expect(usageMessage(['--checks', ' , '])).toMatch(/--checks is empty.*ec2/);
    expect(usageMessage(['--format', 'xml'])).toBe('Unknown format "xml". Valid formats: table, json, csv, sarif');
    expect(usageMessage(['--fail-on', 'severe'])).toMatch(/Valid values: critical, high, medium, low, info, none/);
    expect(usageMessage(['--role-arn', 'not-an-arn'])).toMatch(/arn:aws:iam::123456789012:role\/name/);
    expect(usageMessage(['--external-id', 'x1'])).toMatch(/--external-id needs --role-arn/);
    expect(usageMessage(['--concurrency', 'lots'])).toMatch(/--concurrency "lots" is not a number/);
    expect(usageMessage(['--rate-share', '2'])).toMatch(/at most 1/);
    expect(usageMessage(['--endpoint-url', 'nope'])).toMatch(/is not a URL/);
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(usageMessage([], { AWS_ACCESS_KEY_ID: 'AKIA-short', AWS_SECRET_ACCESS_KEY: secret })).toMatch(/AWS_ACCESS_KEY_ID is malformed.*AKIA or ASIA/);
    expect(usageMessage([], { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'short' })).toMatch(/exactly 40 characters/);
    expect(usageMessage([], { AWS_ACCESS_KEY_ID: 'ASIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: secret })).toMatch(/AWS_SESSION_TOKEN is missing/);
  });

  it('rejects unknown flags and stray arguments, listing the valid flags', () => {
    expect(() => readScanFlags(['--bogus'])).toThrow(/Unknown flag --bogus\. Valid flags for `cloudsweep scan`: --regions <value>/);
    expect(() => readScanFlags(['eu-west-1'])).toThrow(/Unexpected argument "eu-west-1"/);
    expect(() => readScanFlags(['--format'])).toThrow(/Flag --format needs a value/);
    expect(() => readScanFlags(['--quiet=yes'])).toThrow(/Flag --quiet takes no value/);
  });
});
