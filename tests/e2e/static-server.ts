/**
 * Serves the built site (dist/) on a free local port, as a static host would: the pages,
 * the hashed assets, and .wasm with its own content type, gzipped for clients that accept
 * it (every static host does this; sizes and Lighthouse figures depend on it).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.xml', '.ttf', '.webmanifest']);
const gzipped = new Map<string, Buffer>();

function gzipOnce(file: string): Buffer {
  let body = gzipped.get(file);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 6 });
    gzipped.set(file, body);
  }
  return body;
}

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/** The built site; ASSOCLAB_DIST points elsewhere (a second build beside a running one). */
export function distDir(): string {
  return process.env.ASSOCLAB_DIST ?? join(import.meta.dirname, '..', '..', 'dist');
}

export function assertBuilt(dist = distDir()): void {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('The site is not built: run `npm run build` first (npm test does it for you).');
  }
}

function resolveFile(DIST: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(DIST, clean), join(DIST, clean, 'index.html'), join(DIST, `${clean}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

export async function serveDist(DIST = distDir()): Promise<StaticSite> {
  assertBuilt(DIST);
  const server: Server = createServer((request, response) => {
    const file = resolveFile(DIST, request.url ?? '/');
    if (!file) {
      const notFound = join(DIST, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      response.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      response.end(gzipOnce(file));
      return;
    }
    response.writeHead(200, { 'content-type': type });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
