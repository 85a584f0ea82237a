/**
 * A request sent to the learner's Express app after the program ran (the playground's
 * Request panel, `assoclab run --request`), and what came of it: plain, JSON-safe data in
 * the schema layer, like the run result, because the worker, the client, the site and the
 * CLI all speak it.
 */
import type { ConsoleEntry, RunError, SqlStatement } from './run-result';

export const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];

export interface AppRequest {
  method: RequestMethod;
  /** The path and query string, as a browser sends it: `/users/1/posts?limit=2`. */
  path: string;
  /** Header names as typed; a JSON body gets `content-type: application/json` unless one is given. */
  headers: Record<string, string>;
  /** The body's text (JSON), absent for none. */
  body?: string;
}

export interface AppResponse {
  status: number;
  statusText: string;
  /** In the order the app set them, a repeated header once per value. */
  headers: [string, string][];
  body: string;
}

export interface AppExchange {
  /** The app answered and nothing failed on the way (a 500 the app sent is still `ok`: it answered). */
  ok: boolean;
  /** What the app sent; absent when it sent nothing (stopped, or no app). */
  response?: AppResponse;
  /**
   * Why the request went wrong, as the run's errors are told: a route that threw (at its
   * line; Express still answered 500), no response within the budget, no app listening.
   */
  error?: RunError;
  /** The statements this request caused, in order. */
  sql: SqlStatement[];
  /** What the app printed while it handled this request. */
  console: ConsoleEntry[];
  /** From dispatch to the response (or to the stop), in ms. */
  timeMs: number;
  /** The app can take no more requests (it was stopped mid-request): the program must run again. */
  appStopped?: boolean;
}

/** The path a request line names must start at the root: `/users`, not `users`. */
export function isRequestPath(path: string): boolean {
  return /^\/[^\s]*$/.test(path);
}

/**
 * The answer when no app is there to ask: none was started, or a later run (or a route
 * stopped over its budget, or a runtime that had to be restarted) ended it.
 */
export function noAppExchange(why = 'a new run, a Reset or a stopped route ends the app'): AppExchange {
  return {
    ok: false,
    sql: [],
    console: [],
    timeMs: 0,
    appStopped: true,
    error: { kind: 'runtime', name: 'NoApp', message: `No app is listening: run the program again (${why}).`, details: [] },
  };
}

/** The reason phrases of the statuses an Express lesson meets (Express 5 leaves statusMessage empty). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  418: "I'm a Teapot",
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** "200 OK", "418 I'm a Teapot", "299": the status as a status line names it. */
export function statusLine(response: Pick<AppResponse, 'status' | 'statusText'>): string {
  const reason = response.statusText || REASONS[response.status];
  return reason ? `${response.status} ${reason}` : String(response.status);
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&', '&nbsp;': ' ' };

/**
 * Express's own error page (its HTML for an unknown route or a route that threw) by its
 * first line, "Cannot GET /nope" or "Error: the route broke", as a learner should read it;
 * undefined for any other body.
 */
/** An HTML page (Express's error pages are), rather than JSON or text. */
export const isHtmlPage = (body: string): boolean => /^\s*<!DOCTYPE html>/i.test(body);

export function expressErrorPageText(body: string): string | undefined {
  if (!isHtmlPage(body)) return undefined;
  const first = /<pre>([\s\S]*?)(?:<br>|<\/pre>)/
    .exec(body)?.[1]
    ?.replace(/&[#\w]+;/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
  return first || undefined;
}

/**
 * The body for reading: JSON pretty-printed with two spaces, anything else as sent; for
 * Express's own error page, also what it says (`errorPage`), to show before its markup.
 */
export function formatBody(response: Pick<AppResponse, 'body' | 'headers'>): { text: string; json: boolean; errorPage?: string } {
  const type = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/\bjson\b/i.test(type) && response.body !== '') {
    try {
      return { text: JSON.stringify(JSON.parse(response.body), null, 2), json: true };
    } catch {
      // Said to be JSON but is not: shown as sent.
    }
  }
  const errorPage = expressErrorPageText(response.body);
  return { text: response.body, json: false, ...(errorPage ? { errorPage } : {}) };
}
