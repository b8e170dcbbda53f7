import type { ServiceDef } from '../protocols/types.js';
import { cloudtrailService } from './cloudtrail.js';
import { ec2Service } from './ec2.js';
import { elbv2Service } from './elbv2.js';
import { iamService } from './iam.js';
import { kmsService } from './kms.js';
import { lambdaService } from './lambda.js';
import { logsService } from './logs.js';
import { rdsService } from './rds.js';
import { s3ControlService } from './s3-control.js';
import { s3Service } from './s3.js';
import { stsService } from './sts.js';

/** Keyed by the routed service id (the SigV4 signing name, plus `s3-control`). */
export const SERVICES: Record<string, ServiceDef> = Object.fromEntries(
  [ec2Service, iamService, stsService, rdsService, elbv2Service, cloudtrailService, kmsService, logsService, lambdaService, s3Service, s3ControlService]
    .map((def) => [def.id, def]),
);
