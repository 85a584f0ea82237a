/** Node's `url`: Sequelize parses connection strings with url.parse (unused for sqlite here). */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;

export function parse(href: string): Record<string, string | null> {
  const url = new globalThis.URL(href);
  return {
    protocol: url.protocol,
    auth: url.username ? `${url.username}:${url.password}` : null,
    hostname: url.hostname || null,
    host: url.host || null,
    port: url.port || null,
    pathname: url.pathname,
    query: url.search.slice(1) || null,
    hash: url.hash || null,
    href: url.href,
  };
}

export const fileURLToPath = (href: string): string => new globalThis.URL(href).pathname;

export default { URL, URLSearchParams, parse, fileURLToPath };
