/**
 * Node's `url`. Express's parseurl falls back to url.parse for request paths it cannot
 * split itself (a '#', a space), so relative URLs parse; Sequelize's constructor parses
 * connection strings with url.parse(href, true). Parsing is WHATWG URL's, except for a
 * scheme not followed by '//' ('sqlite::memory:', 'sqlite:db.sqlite'), where the two
 * differ: there it is Node's legacy parser's, so that Sequelize reads the database name
 * ':memory' from 'sqlite::memory:' as it does in Node.
 */
import { parse as parseQuery } from './querystring';

export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export interface UrlParts {
  protocol: string | null;
  auth: string | null;
  hostname: string | null;
  host: string | null;
  port: string | null;
  pathname: string | null;
  search: string | null;
  query: string | null | Record<string, string | string[]>;
  hash: string | null;
  path: string | null;
  href: string;
}

/** Schemes Node's legacy parser treats as having '//' (its slashedProtocol). */
const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
/** Characters that end a host in Node's legacy parser, or may never be in one. */
const HOST_END = new Set(['#', '/', '?']);
const NON_HOST = new Set(['\t', '\n', '\r', ' ', '"', '%', "'", ';', '<', '>', '\\', '^', '`', '{', '|', '}']);

/**
 * Node's legacy url.parse for `scheme:rest` with no '//' after a scheme it does not know:
 * the start of `rest` is still read as the host (lib/url.js), up to the first character
 * that may not be in one, and a host character that is invalid (':') moves the rest to
 * the path: 'sqlite::memory:' is host '' and path '/:memory'.
 */
function parseOpaque(href: string, protocol: string, parseQueryString: boolean): UrlParts {
  let rest = href.slice(protocol.length);
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!;
    if (NON_HOST.has(char)) {
      if (nonHost === -1) nonHost = i;
    } else if (HOST_END.has(char)) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (char === '@') {
      atSign = i;
      nonHost = -1;
    }
    if (hostEnd !== -1) break;
  }
  let start = 0;
  let auth: string | null = null;
  if (atSign !== -1) {
    auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  let host: string;
  if (nonHost === -1) {
    host = rest.slice(start);
    rest = '';
  } else {
    host = rest.slice(start, nonHost);
    rest = rest.slice(nonHost);
  }
  let port: string | null = null;
  const portMatch = /:[0-9]*$/.exec(host);
  if (portMatch) {
    if (portMatch[0] !== ':') port = portMatch[0].slice(1);
    host = host.slice(0, host.length - portMatch[0].length);
  }
  let hostname = host;
  const invalid = hostname.search(/[/\\#?:]/);
  if (invalid !== -1) {
    rest = `/${hostname.slice(invalid)}${rest}`;
    hostname = hostname.slice(0, invalid);
  }
  hostname = hostname.toLowerCase();
  let hash: string | null = null;
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  let search: string | null = null;
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    search = rest.slice(queryAt);
    rest = rest.slice(0, queryAt);
  }
  const pathname = rest || null;
  const hostWithPort = `${hostname}${port ? `:${port}` : ''}`;
  const path = pathname || search ? `${pathname ?? ''}${search ?? ''}` : null;
  return {
    protocol: protocol.toLowerCase(),
    auth,
    hostname,
    host: hostWithPort,
    port,
    pathname,
    search,
    query: parseQueryString ? parseQuery(search?.slice(1) ?? '') : (search?.slice(1) ?? null),
    hash,
    path,
    href: `${protocol.toLowerCase()}${auth ? `${auth}@` : ''}${hostWithPort}${pathname ?? ''}${search ?? ''}${hash ?? ''}`,
  };
}

export function parse(href: string, parseQueryString = false): UrlParts {
  const scheme = SCHEME.exec(href)?.[0];
  if (scheme && !href.startsWith('//', scheme.length) && !SLASHED.has(scheme.toLowerCase()) && scheme.toLowerCase() !== 'javascript:') {
    return parseOpaque(href, scheme, parseQueryString);
  }
  const absolute = scheme !== undefined;
  // A relative reference ('/users?id=1') is resolved against a placeholder, then reported without it.
  const url = new globalThis.URL(href, absolute ? undefined : 'relative:///');
  const path = `${url.pathname}${url.search}`;
  return {
    protocol: absolute ? url.protocol : null,
    auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : null,
    hostname: absolute ? url.hostname : null,
    host: absolute ? url.host : null,
    port: url.port || null,
    pathname: url.pathname || null,
    search: url.search || null,
    query: parseQueryString ? parseQuery(url.search.slice(1)) : url.search.slice(1) || null,
    hash: url.hash || null,
    path: path || null,
    href: absolute ? url.href : `${path}${url.hash}`,
  };
}

/** As Node: only file: URLs, and the path comes back decoded ('%20' is a space). */
export function fileURLToPath(href: string | InstanceType<typeof globalThis.URL>): string {
  const url = typeof href === 'string' ? new globalThis.URL(href) : href;
  if (url.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(url.pathname);
}

export default { URL, URLSearchParams, parse, fileURLToPath };
