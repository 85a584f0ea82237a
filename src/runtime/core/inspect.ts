/**
 * A value formatter that prints the way Node's console does (util.inspect's defaults:
 * depth 2, break at 80 columns, 100 array items), written here so the browser worker and
 * Node print the very same text. Hosts may teach it how to show special objects, such as
 * Sequelize model instances shown by their data values rather than their internals.
 */

export interface InspectOptions {
  /** How deep nested objects are expanded before showing [Object]. Node's default: 2. */
  depth: number;
  /** Shows some values specially; return undefined to fall back to the default. */
  custom?: (value: object) => CustomView | undefined;
}

/** What a custom inspector wants shown: a label and the data to show under it. */
export interface CustomView {
  label: string;
  data: Record<string, unknown>;
}

/** Any function value, classes included: what `typeof value === 'function'` narrows to. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the inspector labels every kind of function, never calls one
type AnyFunction = Function;

const BREAK_LENGTH = 80;
const MAX_ARRAY_ITEMS = 100;
const MAX_STRING_LENGTH = 10_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function quoteString(value: string): string {
  const shown = value.length > MAX_STRING_LENGTH ? value.slice(0, MAX_STRING_LENGTH) : value;
  const more = value.length - shown.length;
  const quote = !shown.includes("'") ? "'" : !shown.includes('"') ? '"' : !shown.includes('`') ? '`' : "'";
  const escaped = shown.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}${more > 0 ? `... ${more} more character${more > 1 ? 's' : ''}` : ''}`;
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return IDENTIFIER.test(key) ? key : quoteString(key);
}

function functionLabel(fn: AnyFunction): string {
  const source = Function.prototype.toString.call(fn);
  const name = fn.name;
  if (source.startsWith('class')) {
    const parent = Object.getPrototypeOf(fn) as AnyFunction | null;
    const extendsPart = parent && parent.name ? ` extends ${parent.name}` : '';
    return `[class ${name || '(anonymous)'}${extendsPart}]`;
  }
  const kind =
    fn.constructor?.name === 'AsyncFunction'
      ? 'AsyncFunction'
      : fn.constructor?.name === 'GeneratorFunction'
        ? 'GeneratorFunction'
        : fn.constructor?.name === 'AsyncGeneratorFunction'
          ? 'AsyncGeneratorFunction'
          : 'Function';
  return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
}

function constructorName(value: object): string | null {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto === null) return null;
  return proto.constructor?.name ?? 'Object';
}

/** Joins entries on one line when they fit, else one per line, as Node does. */
function wrap(prefix: string, open: string, close: string, entries: string[], indent: number): string {
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const oneLine = `${prefix}${open} ${entries.join(', ')} ${close}`;
  const fits = oneLine.length + indent <= BREAK_LENGTH && !entries.some((entry) => entry.includes('\n'));
  if (fits) return oneLine;
  const pad = ' '.repeat(indent + 2);
  return `${prefix}${open}\n${entries.map((entry) => `${pad}${entry}`).join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function formatError(error: Error): string {
  const head = `${error.name}: ${error.message}`;
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? `${head}\n${frames.join('\n')}` : head;
}

class Inspector {
  private readonly seen: object[] = [];

  constructor(private readonly options: InspectOptions) {}

  format(value: unknown, depth: number, indent: number): string {
    switch (typeof value) {
      case 'string':
        return quoteString(value);
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint':
        return `${value}n`;
      case 'boolean':
        return String(value);
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return value.toString();
      case 'function':
        return this.formatObjectLike(value, depth, indent, functionLabel(value));
      default:
        if (value === null) return 'null';
        return this.formatObject(value as object, depth, indent);
    }
  }

  private formatObject(value: object, depth: number, indent: number): string {
    if (this.seen.includes(value)) return '[Circular *1]';
    const custom = this.options.custom?.(value);
    if (custom) return this.withSeen(value, () => this.formatEntries(custom.data, depth, indent, `${custom.label} `));
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return value.toString();
    if (value instanceof Error) return formatError(value);
    if (value instanceof Promise) return 'Promise { <pending> }';
    if (value instanceof WeakMap) return 'WeakMap { <items unknown> }';
    if (value instanceof WeakSet) return 'WeakSet { <items unknown> }';
    if (typeof Buffer !== 'undefined' && Buffer.isBuffer(value)) {
      const bytes = Array.from(value.subarray(0, 50), (byte) => byte.toString(16).padStart(2, '0'));
      const more = value.length > 50 ? ` ... ${value.length - 50} more bytes` : '';
      return `<Buffer${bytes.length ? ' ' : ''}${bytes.join(' ')}${more}>`;
    }
    if (depth > this.options.depth) {
      if (Array.isArray(value)) return '[Array]';
      const name = constructorName(value);
      return name === null ? '[Object: null prototype]' : `[${name}]`;
    }
    return this.withSeen(value, () => {
      if (Array.isArray(value)) return this.formatArray(value, depth, indent, '');
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        const items = Array.from(value as unknown as ArrayLike<number>);
        return this.formatArray(items, depth, indent, `${constructorName(value)}(${items.length}) `);
      }
      if (value instanceof Map) {
        const entries = [...value].map(([k, v]) => `${this.format(k, depth + 1, indent + 2)} => ${this.format(v, depth + 1, indent + 2)}`);
        return wrap(`Map(${value.size}) `, '{', '}', entries, indent);
      }
      if (value instanceof Set) {
        const entries = [...value].map((v) => this.format(v, depth + 1, indent + 2));
        return wrap(`Set(${value.size}) `, '{', '}', entries, indent);
      }
      const name = constructorName(value);
      const prefix = name === null ? '[Object: null prototype] ' : name === 'Object' ? '' : `${name} `;
      return this.formatEntries(value, depth, indent, prefix);
    });
  }

  private withSeen(value: object, body: () => string): string {
    this.seen.push(value);
    try {
      return body();
    } finally {
      this.seen.pop();
    }
  }

  private formatObjectLike(value: AnyFunction, depth: number, indent: number, label: string): string {
    const keys = Object.keys(value);
    if (keys.length === 0 || depth > this.options.depth) return label;
    return this.withSeen(value, () => this.formatEntries(value as unknown as object, depth, indent, `${label} `));
  }

  private formatEntries(value: object, depth: number, indent: number, prefix: string): string {
    const entries: string[] = [];
    const keys: (string | symbol)[] = [
      ...Object.keys(value),
      ...Object.getOwnPropertySymbols(value).filter((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol)),
    ];
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      let shown: string;
      if (descriptor && !('value' in descriptor)) {
        shown = descriptor.get && descriptor.set ? '[Getter/Setter]' : descriptor.get ? '[Getter]' : '[Setter]';
      } else {
        shown = this.format((value as Record<string | symbol, unknown>)[key], depth + 1, indent + 2);
      }
      entries.push(`${formatKey(key)}: ${shown}`);
    }
    if (entries.length === 0 && prefix.startsWith('[') && prefix.endsWith('] ')) return prefix.trimEnd();
    return wrap(prefix, '{', '}', entries, indent);
  }

  private formatArray(items: readonly unknown[], depth: number, indent: number, prefix: string): string {
    const entries: string[] = [];
    let holes = 0;
    const shownCount = Math.min(items.length, MAX_ARRAY_ITEMS);
    for (let index = 0; index < shownCount; index++) {
      if (!(index in items)) {
        holes++;
        continue;
      }
      if (holes) {
        entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        holes = 0;
      }
      entries.push(this.format(items[index], depth + 1, indent + 2));
    }
    if (holes) entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    if (items.length > MAX_ARRAY_ITEMS) {
      const more = items.length - MAX_ARRAY_ITEMS;
      entries.push(`... ${more} more item${more > 1 ? 's' : ''}`);
    }
    return wrap(prefix, '[', ']', entries, indent);
  }
}

/** Formats one value as util.inspect would. */
export function inspect(value: unknown, options: Partial<InspectOptions> = {}): string {
  const settings: InspectOptions = { depth: options.depth ?? 2, custom: options.custom };
  return new Inspector(settings).format(value, 0, 0);
}

/**
 * Formats console arguments as Node's console does (util.formatWithOptions): printf-style
 * directives in a leading string, strings printed bare, everything else inspected.
 */
export function formatConsoleArgs(args: readonly unknown[], options: Partial<InspectOptions> = {}): string {
  const show = (value: unknown) => (typeof value === 'string' ? value : inspect(value, options));
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string' || !first.includes('%')) return args.map(show).join(' ');
  let next = 0;
  const text = first.replace(/%([sdifjoOc%])/g, (match, directive: string) => {
    if (directive === '%') return '%';
    if (next >= rest.length) return match;
    const value = rest[next++];
    switch (directive) {
      case 's':
        return typeof value === 'string'
          ? value
          : typeof value === 'bigint'
            ? `${value}n`
            : typeof value === 'object' && value !== null
              ? inspect(value, { ...options, depth: 1 })
              : String(value);
      case 'd':
      case 'i': {
        if (typeof value === 'bigint') return `${value}n`;
        const number = Number(value);
        return String(directive === 'i' ? Math.trunc(number) : number);
      }
      case 'f':
        return String(Number.parseFloat(String(value)));
      case 'j':
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case 'o':
      case 'O':
        return inspect(value, options);
      case 'c':
        return '';
      default:
        return match;
    }
  });
  return [text, ...rest.slice(next).map(show)].join(' ');
}
