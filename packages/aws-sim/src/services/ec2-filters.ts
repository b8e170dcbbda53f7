import type { Instance, SecurityGroup, Snapshot, Tag, Volume } from '../model.js';
import { matchesAny } from '../protocols/query-params.js';

type Accessor<T> = (item: T) => string | string[] | undefined;

/** The filters scanners commonly send; unknown names are ignored rather than rejected. */
const tagAccessors = <T extends { tags: Tag[] }>(name: string): Accessor<T> | undefined => {
  if (!name.startsWith('tag:')) return name === 'tag-key' ? (x) => x.tags.map((t) => t.key) : undefined;
  const key = name.slice(4);
  return (x) => x.tags.find((t) => t.key === key)?.value;
};

const INSTANCE: Record<string, Accessor<Instance>> = {
  'instance-state-name': (i) => i.state, 'vpc-id': (i) => i.vpcId, 'instance-type': (i) => i.type, 'instance-id': (i) => i.id,
  'availability-zone': (i) => i.az, 'metadata-options.http-tokens': (i) => i.httpTokens,
};
const VOLUME: Record<string, Accessor<Volume>> = {
  status: (v) => (v.attachment ? 'in-use' : 'available'), 'volume-type': (v) => v.type, encrypted: (v) => String(v.encrypted),
  'attachment.instance-id': (v) => v.attachment?.instanceId, 'volume-id': (v) => v.id,
};
const SNAPSHOT: Record<string, Accessor<Snapshot>> = { 'volume-id': (s) => s.volumeId, encrypted: (s) => String(s.encrypted), status: () => 'completed' };
const GROUP: Record<string, Accessor<SecurityGroup>> = { 'vpc-id': (g) => g.vpcId, 'group-name': (g) => g.name, 'group-id': (g) => g.id };

export const EC2_FILTERS = { instance: INSTANCE, volume: VOLUME, snapshot: SNAPSHOT, group: GROUP };

export function applyFilters<T extends { tags: Tag[] }>(items: readonly T[], filters: Map<string, string[]>, table: Record<string, Accessor<T>>): readonly T[] {
  const active: [Accessor<T>, string[]][] = [];
  for (const [name, values] of filters) {
    const accessor = table[name] ?? tagAccessors<T>(name);
    if (accessor) active.push([accessor, values]);
  }
  if (active.length === 0) return items;
  return items.filter((item) => active.every(([get, values]) => {
    const v = get(item);
    return Array.isArray(v) ? v.some((x) => matchesAny(x, values)) : matchesAny(v, values);
  }));
}
