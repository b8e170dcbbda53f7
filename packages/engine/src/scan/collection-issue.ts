import type { AnyCollector } from '../core/collector.js';
import { classifyAwsError, errorFacts, type AwsErrorKind } from '../aws/error-kind.js';
import type { CollectionIssue } from './events.js';

const EXPLANATION: Readonly<Record<AwsErrorKind, string>> = {
  'access-denied': 'access was denied',
  throttled: 'AWS kept throttling the requests after every retry',
  'region-disabled': 'the region is not enabled for this account',
  timeout: 'AWS did not answer in time',
  network: 'the AWS endpoint could not be reached',
  'invalid-credentials': 'the credentials were rejected',
  aborted: 'the scan was stopped first',
  error: 'AWS returned an error',
};

function advice(kind: AwsErrorKind, collector: AnyCollector): string {
  if (kind === 'access-denied') return ` Grant ${collector.permissions.join(', ')} to the scanning identity.`;
  if (kind === 'throttled') return ' Scan again later or lower the scan rate.';
  return '';
}

export function toCollectionIssue(collector: AnyCollector, region: string, error: unknown): CollectionIssue {
  const kind = classifyAwsError(error);
  const facts = errorFacts(error);
  const where = region === 'global' ? '' : ` in ${region}`;
  return {
    collectorId: collector.id,
    service: collector.service,
    region,
    kind,
    message: `Could not read ${collector.id}${where}: ${EXPLANATION[kind]} (${facts.code}).${advice(kind, collector)}`,
    permissions: collector.permissions,
    awsErrorCode: facts.code,
    ...(facts.requestId ? { awsRequestId: facts.requestId } : {}),
    ...(facts.httpStatus ? { httpStatus: facts.httpStatus } : {}),
  };
}
