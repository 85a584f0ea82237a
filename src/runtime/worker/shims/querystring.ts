/** Node's `querystring` (Express 5's default "simple" query parser). */
export function parse(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  // URLSearchParams decodes as Node does: '+' is a space, a malformed escape stays as written.
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** As Node: strings, finite numbers, bigints and booleans are written; anything else is ''. */
function primitive(value: unknown): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

/**
 * Node percent-encodes like encodeURIComponent (a space is %20); URLSearchParams would
 * form-encode instead ('+', and %21 for '!'), so it is not used here.
 */
export function stringify(values: Record<string, unknown>): string {
  if (values === null || typeof values !== 'object') return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = `${encodeURIComponent(primitive(key))}=`;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(name + encodeURIComponent(primitive(item)));
  }
  return pairs.join('&');
}

export const escape = encodeURIComponent;
export const unescape = decodeURIComponent;
export default { parse, stringify, escape, unescape, decode: parse, encode: stringify };
