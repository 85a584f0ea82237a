/**
 * Node's `url`. Express's parseurl falls back to url.parse for request paths it cannot
 * split itself (a '#', a space), so relative URLs parse; Sequelize's constructor parses
 * connection strings with url.parse(href, true), though the runtime hands it options
 * instead (see core/sequelize-module.ts). Parsing is WHATWG URL's, not Node's legacy
 * parser: the two differ on oddities such as 'sqlite::memory:', which Node's turns into
 * the path '/:memory'.
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

export function parse(href: string, parseQueryString = false): UrlParts {
  const absolute = SCHEME.test(href);
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
