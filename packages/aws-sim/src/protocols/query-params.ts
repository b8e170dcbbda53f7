/** Reads flattened query lists: `Owner.1=self&Owner.2=...` (EC2) or `Filter.member.1=User` (awsQuery). */
export function listParam(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; ; i++) {
    const value = params.get(`${prefix}.${i}`);
    if (value === null) return values;
    values.push(value);
  }
}

/** EC2 filters: `Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-123`. */
export function ec2Filters(params: URLSearchParams): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let i = 1; ; i++) {
    const name = params.get(`Filter.${i}.Name`);
    if (name === null) return filters;
    filters.set(name, listParam(params, `Filter.${i}.Value`));
  }
}

export function hasEc2Filter(params: URLSearchParams): boolean {
  return params.has('Filter.1.Name');
}

/** Tiny glob for EC2 filter values, which accept `*` and `?`. */
export function matchesAny(value: string | undefined, patterns: readonly string[]): boolean {
  if (value === undefined) return false;
  return patterns.some((p) => (p.includes('*') || p.includes('?'))
    ? new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`).test(value)
    : p === value);
}
