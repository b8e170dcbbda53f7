import { FINDING_KINDS, FINDING_SEVERITIES, FINDING_SORTS, FINDING_STATUSES } from '@cloudsweep/contract';
import type { FindingsRequest } from '../api/findings.js';
import { listParam } from '../use-url-state.js';

export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingsFilter {
  status: string[];
  severity: string[];
  kind: string[];
  service: string[];
  region: string[];
  check: string[];
  q: string;
}

/** Every key the findings view keeps in the URL; changing a filter resets the page. */
export const FILTER_KEYS = ['status', 'severity', 'kind', 'service', 'region', 'check', 'q'] as const;

const only = (allowed: readonly string[], values: string[]): string[] => values.filter((v) => allowed.includes(v));

export function filterFromUrl(params: URLSearchParams): FindingsFilter {
  return {
    status: only(FINDING_STATUSES, listParam(params, 'status')),
    severity: only(FINDING_SEVERITIES, listParam(params, 'severity')),
    kind: only(FINDING_KINDS, listParam(params, 'kind')),
    service: listParam(params, 'service'),
    region: listParam(params, 'region'),
    check: listParam(params, 'check'),
    q: params.get('q')?.trim() ?? '',
  };
}

export function sortFromUrl(params: URLSearchParams): { sort: FindingSort; order: 'asc' | 'desc' | undefined } {
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    sort: (FINDING_SORTS as readonly string[]).includes(sort ?? '') ? (sort as FindingSort) : 'severity',
    order: order === 'asc' || order === 'desc' ? order : undefined,
  };
}

/** The API query for the page the URL describes. */
export function requestFromUrl(params: URLSearchParams, limit: number): FindingsRequest {
  const f = filterFromUrl(params);
  const { sort, order } = sortFromUrl(params);
  const list = <T extends string>(values: string[]): T[] | undefined => (values.length > 0 ? (values as T[]) : undefined);
  const cursor = params.get('cursor') ?? undefined;
  return {
    status: list(f.status),
    severity: list(f.severity),
    kind: list(f.kind),
    service: list(f.service),
    region: list(f.region),
    check: list(f.check),
    q: f.q || undefined,
    sort,
    order,
    limit,
    cursor,
  };
}

export function isFiltered(filter: FindingsFilter): boolean {
  return FILTER_KEYS.some((k) => (k === 'q' ? filter.q !== '' : filter[k].length > 0));
}
