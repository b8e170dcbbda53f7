import type { Check } from '../core/check.js';
import { cloudtrailChecks } from './cloudtrail/index.js';
import { ec2Checks } from './ec2/index.js';
import { elbv2Checks } from './elbv2/index.js';
import { iamChecks } from './iam/index.js';
import { kmsChecks } from './kms/index.js';
import { lambdaChecks } from './lambda/index.js';
import { logsChecks } from './logs/index.js';
import { rdsChecks } from './rds/index.js';
import { s3Checks } from './s3/index.js';
import { vpcChecks } from './vpc/index.js';

/**
 * Every built-in check, sorted by id. Explicit on purpose (no filesystem discovery): each
 * service folder's index lists its checks, and the registry test proves nothing is missed.
 */
export const allChecks: readonly Check[] = [
  ...cloudtrailChecks, ...ec2Checks, ...elbv2Checks, ...iamChecks, ...kmsChecks,
  ...lambdaChecks, ...logsChecks, ...rdsChecks, ...s3Checks, ...vpcChecks,
];
