import type { IncomingHttpHeaders } from 'node:http';
import type { SimAccount } from '../model.js';

export type Protocol = 'ec2' | 'query' | 'json' | 'rest-json' | 'rest-xml';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Form parameters of query-protocol requests (EC2, IAM, STS, RDS, ELBv2); empty otherwise. */
  params: URLSearchParams;
  service: string;
  region: string;
  action: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Mutable per-sim state some operations need (e.g. the credential report lifecycle). */
export interface SimState {
  credentialReportRequests: number;
}

export interface ServiceContext {
  account: SimAccount;
  state: SimState;
  region: string;
  requestId: string;
  /** Records how deep into a paginated listing a call is (1 = first page). */
  notePage(depth: number): void;
}

/** An error an operation answers with; rendered in the service's own error format. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
    readonly extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type XmlHandler = (req: SimRequest, ctx: ServiceContext) => string;
export type JsonHandler = (input: Record<string, unknown>, ctx: ServiceContext) => object;
export type RestHandler = (req: SimRequest, ctx: ServiceContext) => SimResponse;

export type ServiceDef =
  | { id: string; protocol: 'ec2' | 'query'; xmlns: string; global?: boolean; actions: Record<string, XmlHandler> }
  | { id: string; protocol: 'json'; global?: boolean; actions: Record<string, JsonHandler> }
  | { id: string; protocol: 'rest-json' | 'rest-xml'; global?: boolean; route: (req: SimRequest) => string | undefined; actions: Record<string, RestHandler> };
