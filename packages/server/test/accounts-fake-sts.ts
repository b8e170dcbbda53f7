// A real local HTTP server speaking STS's query protocol, for what neither moto nor the
// simulator can show: a role whose trust policy requires an ExternalId. Each role says which
// ExternalId it demands (null: none, the confused-deputy mistake). The SDK's requests are real;
// only AWS's policy evaluation is reduced to that one rule.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface FakeSts {
  readonly url: string;
  /** Role ARN -> the ExternalId its trust policy requires (null: none). */
  readonly roles: Map<string, string | null>;
  /** Every AssumeRole seen: the role and the ExternalId sent. */
  readonly assumeCalls: { roleArn: string; externalId: string | null }[];
  stop(): Promise<void>;
}

function xmlEscape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

interface Answer {
  status: number;
  requestId: string;
  body: string;
}

function ok(action: string, result: string): Answer {
  const requestId = randomUUID();
  return {
    status: 200,
    requestId,
    body: `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function denied(message: string): Answer {
  const requestId = randomUUID();
  return {
    status: 403,
    requestId,
    body: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

function signingKeyOf(request: IncomingMessage): string {
  return /Credential=([A-Z0-9]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
}

async function readBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeSts(): Promise<FakeSts> {
  const roles = new Map<string, string | null>();
  const assumeCalls: FakeSts['assumeCalls'] = [];
  /** Temporary access key id -> the role it is a session of. */
  const sessions = new Map<string, string>();

  const answer = (params: URLSearchParams, callerKey: string): Answer => {
    if (params.get('Action') === 'GetCallerIdentity') {
      const roleArn = sessions.get(callerKey);
      const account = roleArn?.split(':')[4] ?? '999999999999';
      const arn = roleArn ? `arn:aws:sts::${account}:assumed-role/${roleArn.split('/').at(-1)}/cloudsweep-verify` : `arn:aws:iam::${account}:user/caller`;
      return ok('GetCallerIdentity', `<Arn>${arn}</Arn><UserId>AIDAFAKE</UserId><Account>${account}</Account>`);
    }
    const roleArn = params.get('RoleArn') ?? '';
    const externalId = params.get('ExternalId');
    assumeCalls.push({ roleArn, externalId });
    const required = roles.get(roleArn);
    if (required === undefined || (required !== null && required !== externalId)) {
      return denied(`User: ${callerKey} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
    const key = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    sessions.set(key, roleArn);
    const credentials = `<AccessKeyId>${key}</AccessKeyId><SecretAccessKey>${randomBytes(30).toString('base64')}</SecretAccessKey><SessionToken>${randomBytes(64).toString('base64')}</SessionToken><Expiration>${new Date(Date.now() + 900_000).toISOString()}</Expiration>`;
    return ok('AssumeRole', `<Credentials>${credentials}</Credentials>`);
  };

  const server: Server = createServer((request, response) => {
    void readBody(request).then((params) => {
      const { status, requestId, body } = answer(params, signingKeyOf(request));
      // As AWS does: the SDK reads the request id from this header.
      response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    roles,
    assumeCalls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
