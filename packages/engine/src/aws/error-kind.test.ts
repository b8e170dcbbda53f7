import { describe, expect, it } from 'vitest';
import { classifyAwsError, errorFacts } from './error-kind.js';

function awsError(name: string, status = 400): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' } });
}

describe('classifyAwsError', () => {
  it.each([
    ['UnauthorizedOperation', 'access-denied'],
    ['AccessDenied', 'access-denied'],
    ['AccessDeniedException', 'access-denied'],
    ['RequestLimitExceeded', 'throttled'],
    ['ThrottlingException', 'throttled'],
    ['SlowDown', 'throttled'],
    ['OptInRequired', 'region-disabled'],
    ['TimeoutError', 'timeout'],
    ['InternalError', 'error'],
  ])('%s is %s', (name, kind) => {
    expect(classifyAwsError(awsError(name))).toBe(kind);
  });

  it('reads a bad token on the identity check as bad credentials, in a region as a disabled region', () => {
    expect(classifyAwsError(awsError('InvalidClientTokenId'), false)).toBe('invalid-credentials');
    expect(classifyAwsError(awsError('AuthFailure'), true)).toBe('region-disabled');
  });

  it('reads Node network errors by their code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifyAwsError(refused)).toBe('network');
  });

  it('keeps the AWS request id and HTTP status for the technical details', () => {
    expect(errorFacts(awsError('AccessDenied', 403))).toEqual({
      code: 'AccessDenied', message: 'AccessDenied happened', httpStatus: 403, requestId: 'req-1',
    });
  });
});
