/**
 * Node's `http` for Express in the browser worker. There are no sockets: a program's
 * app.listen() registers the app on the runtime's virtual network (see
 * core/virtual-http.ts) and requests are dispatched to it directly. Express builds its
 * request and response on these prototypes, so they are real streams.
 */
import { EventEmitter } from 'events';
import { Readable, Writable } from 'stream';

export const METHODS = [
  'ACL',
  'BIND',
  'CHECKOUT',
  'CONNECT',
  'COPY',
  'DELETE',
  'GET',
  'HEAD',
  'LINK',
  'LOCK',
  'M-SEARCH',
  'MERGE',
  'MKACTIVITY',
  'MKCALENDAR',
  'MKCOL',
  'MOVE',
  'NOTIFY',
  'OPTIONS',
  'PATCH',
  'POST',
  'PROPFIND',
  'PROPPATCH',
  'PURGE',
  'PUT',
  'QUERY',
  'REBIND',
  'REPORT',
  'SEARCH',
  'SOURCE',
  'SUBSCRIBE',
  'TRACE',
  'UNBIND',
  'UNLINK',
  'UNLOCK',
  'UNSUBSCRIBE',
];

export const STATUS_CODES: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class IncomingMessage extends Readable {
  headers: Record<string, string> = {};
  rawHeaders: string[] = [];
  method = 'GET';
  url = '/';
  httpVersion = '1.1';
  httpVersionMajor = 1;
  httpVersionMinor = 1;
  complete = false;
  constructor(readonly socket: unknown = null) {
    super();
  }
  override _read(): void {}
}

export class OutgoingMessage extends Writable {}

export class ServerResponse extends OutgoingMessage {
  statusCode = 200;
  statusMessage = '';
  constructor(readonly req?: IncomingMessage) {
    super();
  }
}

export class Server extends EventEmitter {
  constructor(readonly handler?: unknown) {
    super();
  }
  listen(): this {
    throw new Error('Use app.listen(port): the runtime connects Express apps to its virtual network.');
  }
  close(callback?: () => void): this {
    callback?.();
    return this;
  }
}

export function createServer(handler?: unknown): Server {
  return new Server(handler);
}

export const Agent = class Agent {};
export const globalAgent = new Agent();

export default { METHODS, STATUS_CODES, IncomingMessage, OutgoingMessage, ServerResponse, Server, createServer, Agent, globalAgent };
