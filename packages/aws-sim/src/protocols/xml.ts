/** Minimal string-building XML helpers: responses are built by concatenation for speed. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

export type XmlValue = string | number | boolean | undefined;

/** `<name>value</name>`, or nothing when the value is undefined (AWS omits absent members). */
export function el(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  return `<${name}>${typeof value === 'string' ? escapeXml(value) : String(value)}</${name}>`;
}

/** An element whose children are already XML. */
export function node(name: string, children: string): string {
  return `<${name}>${children}</${name}>`;
}

/** A wrapped list: `<wrapper><member>..</member>...</wrapper>`. EC2 uses `item`, awsQuery `member`. */
export function list<T>(wrapper: string, member: string, items: readonly T[], render: (item: T) => string): string {
  let out = `<${wrapper}>`;
  for (const item of items) out += `<${member}>${render(item)}</${member}>`;
  return `${out}</${wrapper}>`;
}

export function tagList(wrapper: string, member: string, tags: readonly { key: string; value: string }[], keyName = 'key', valueName = 'value'): string {
  return list(wrapper, member, tags, (t) => el(keyName, t.key) + el(valueName, t.value));
}

/** A wrapped list of plain strings, escaped. */
export function textList(wrapper: string, member: string, values: readonly string[]): string {
  return list(wrapper, member, values, escapeXml);
}

/**
 * Caches the XML of a model object. The generated account is not mutated while serving, and
 * benchmarks re-read the same 1,000-item pages many times, so each item is rendered once.
 */
export function memoize<T extends object, A extends unknown[]>(render: (item: T, ...args: A) => string): (item: T, ...args: A) => string {
  const cache = new WeakMap<T, string>();
  return (item, ...args) => {
    let xml = cache.get(item);
    if (xml === undefined) {
      xml = render(item, ...args);
      cache.set(item, xml);
    }
    return xml;
  };
}
