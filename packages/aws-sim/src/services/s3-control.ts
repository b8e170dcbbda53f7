import { restXmlResponse } from '../protocols/envelopes.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest, type SimResponse } from '../protocols/types.js';
import { publicAccessBlockXml } from './s3-xml.js';

const S3_CONTROL_XMLNS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

/** Account-level Block Public Access; the account comes from the x-amz-account-id header. */
function getPublicAccessBlock(req: SimRequest, ctx: ServiceContext): SimResponse {
  const header = req.headers['x-amz-account-id'];
  const accountId = Array.isArray(header) ? header[0] : header;
  if (accountId !== ctx.account.accountId) throw new SimError('AccessDenied', 'Access Denied', 403);
  const block = ctx.account.accountPublicAccessBlock;
  if (!block) throw new SimError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, 'Sender', { AccountId: accountId });
  return restXmlResponse(publicAccessBlockXml(block, S3_CONTROL_XMLNS), ctx.requestId);
}

export const s3ControlService: ServiceDef = {
  id: 's3-control', protocol: 'rest-xml', global: true,
  route: (req) => (req.method === 'GET' && req.path === '/v20180820/configuration/publicAccessBlock' ? 'GetPublicAccessBlock' : undefined),
  actions: { GetPublicAccessBlock: getPublicAccessBlock },
};
