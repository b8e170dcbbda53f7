import type { FaultRule } from '../types.js';
import { SimError, type Protocol } from './types.js';

type Kind = Exclude<FaultRule['kind'], 'timeout'>;

interface ErrorSpec { code: string; status: number; message: string }

/** The codes and statuses each protocol family really uses for denial, throttling and failure. */
const SPECS: Record<Protocol, Record<Kind, ErrorSpec>> = {
  ec2: {
    'access-denied': { code: 'UnauthorizedOperation', status: 403, message: 'You are not authorized to perform this operation.' },
    throttle: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
    'server-error': { code: 'InternalError', status: 500, message: 'An internal error has occurred.' },
  },
  query: {
    'access-denied': { code: 'AccessDenied', status: 403, message: 'is not authorized to perform' },
    throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
    'server-error': { code: 'InternalFailure', status: 500, message: 'We encountered an internal error. Please try again.' },
  },
  json: {
    'access-denied': { code: 'AccessDeniedException', status: 400, message: 'is not authorized to perform' },
    throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
    'server-error': { code: 'InternalFailure', status: 500, message: 'We encountered an internal error. Please try again.' },
  },
  'rest-json': {
    'access-denied': { code: 'AccessDeniedException', status: 403, message: 'is not authorized to perform' },
    throttle: { code: 'TooManyRequestsException', status: 429, message: 'Rate exceeded' },
    'server-error': { code: 'ServiceException', status: 500, message: 'An internal error occurred.' },
  },
  'rest-xml': {
    'access-denied': { code: 'AccessDenied', status: 403, message: 'Access Denied' },
    throttle: { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
    'server-error': { code: 'InternalError', status: 500, message: 'We encountered an internal error. Please try again.' },
  },
};

export function faultError(protocol: Protocol, kind: Kind, call: { service: string; action: string; principalArn: string }): SimError {
  const spec = SPECS[protocol][kind];
  const permission = `${call.service === 's3-control' ? 's3' : call.service}:${call.action}`;
  // AWS names the caller and the missing permission; scanners surface that text to users.
  const message = kind === 'access-denied' && spec.message.startsWith('is not')
    ? `User: ${call.principalArn} is not authorized to perform: ${permission} because no identity-based policy allows the ${permission} action`
    : spec.message;
  return new SimError(spec.code, message, spec.status);
}

/** What AWS answers for a region the account has not opted into: the credentials are "invalid" there. */
export function disabledRegionError(protocol: Protocol): SimError {
  if (protocol === 'ec2') return new SimError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  if (protocol === 'query') return new SimError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  if (protocol === 'rest-xml') return new SimError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
  return new SimError('UnrecognizedClientException', 'The security token included in the request is invalid.', protocol === 'json' ? 400 : 403);
}

export function unknownActionError(protocol: Protocol, action: string): SimError {
  if (protocol === 'ec2' || protocol === 'query') return new SimError('InvalidAction', `The action ${action} is not valid for this web service.`, 400);
  if (protocol === 'rest-xml') return new SimError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
  return new SimError('UnknownOperationException', `Unknown operation ${action}`, protocol === 'json' ? 400 : 404);
}
