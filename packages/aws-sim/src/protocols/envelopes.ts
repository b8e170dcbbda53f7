import type { Protocol, SimError, SimResponse } from './types.js';
import { el, escapeXml } from './xml.js';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function xmlResponse(body: string, requestId: string, status = 200, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId, ...headers }, body };
}

/** REST-XML (S3, S3 Control): application/xml and S3's own request id header. */
export function restXmlResponse(body: string, requestId: string, status = 200, headers: Record<string, string> = {}): SimResponse {
  return xmlResponse(body, requestId, status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, ...headers });
}

/** EC2 has no Result wrapper and a lower-case `requestId`. */
export function ec2Envelope(action: string, xmlns: string, requestId: string, inner: string): string {
  return `${XML_DECL}<${action}Response xmlns="${xmlns}"><requestId>${requestId}</requestId>${inner}</${action}Response>`;
}

export function queryEnvelope(action: string, xmlns: string, requestId: string, inner: string): string {
  return `<${action}Response xmlns="${xmlns}"><${action}Result>${inner}</${action}Result>`
    + `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function jsonResponse(body: object, requestId: string, status = 200, contentType = 'application/x-amz-json-1.1'): SimResponse {
  return { status, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}

/** Renders an error the way the protocol's SDK deserializer expects to find code and message. */
export function renderError(protocol: Protocol, error: SimError, requestId: string, xmlns = ''): SimResponse {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  switch (protocol) {
    case 'ec2':
      return xmlResponse(`${XML_DECL}<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, requestId, error.status);
    case 'query':
      return xmlResponse(`<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.fault}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, requestId, error.status);
    case 'json':
      return jsonResponse({ __type: error.code, message: error.message }, requestId, error.status);
    case 'rest-json': {
      const response = jsonResponse({ Type: error.fault === 'Sender' ? 'User' : 'Service', message: error.message }, requestId, error.status, 'application/json');
      response.headers['x-amzn-errortype'] = error.code;
      return response;
    }
    case 'rest-xml': {
      const extra = Object.entries(error.extra).map(([k, v]) => el(k, v)).join('');
      return restXmlResponse(`${XML_DECL}<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`,
        requestId, error.status, error.headers);
    }
  }
}
