/**
 * A request written on one line, as a lesson presets it (`requests="GET /users/1/posts"`)
 * and `assoclab run --request` takes it: a method, a path, then optionally a JSON body
 * (`POST /users {"name":"Ann"}`). One parser, so a preset and a flag mean the same.
 */
import { isRequestPath, REQUEST_METHODS, type AppRequest, type RequestMethod } from './app-exchange';

export type ParsedRequestLine = { ok: true; request: AppRequest } | { ok: false; problem: string };

export function parseRequestLine(line: string): ParsedRequestLine {
  const match = /^\s*(\S+)\s+(\S+)(?:\s+([\s\S]*?))?\s*$/.exec(line);
  if (!match) return { ok: false, problem: `"${line}" is not a request: write a method and a path, such as "GET /users/1/posts".` };
  const [, rawMethod = '', path = '', body] = match;
  const method = rawMethod.toUpperCase();
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
    return { ok: false, problem: `"${rawMethod}" is not a method this runtime sends (${REQUEST_METHODS.join(', ')}).` };
  }
  if (!isRequestPath(path)) return { ok: false, problem: `"${path}" is not a path: it starts with "/", such as /users/1/posts.` };
  if (body !== undefined && body !== '') {
    try {
      JSON.parse(body);
    } catch {
      return { ok: false, problem: `The body of "${line.trim()}" is not JSON (write it as {"name":"Ann"}).` };
    }
  }
  return { ok: true, request: { method: method as RequestMethod, path, headers: {}, ...(body ? { body } : {}) } };
}

/** A request as one line again (the playground's list of recent requests, the CLI's headings). */
export function requestLine(request: Pick<AppRequest, 'method' | 'path' | 'body'>): string {
  return `${request.method} ${request.path}${request.body ? ` ${request.body}` : ''}`;
}
