/**
 * The Request panel of a playground whose program left an Express app listening: a method,
 * a path ("Path"), headers and a JSON body, Send, the response (status, headers, the body
 * formatted, the time), and the recent requests to send again. Loaded by the playground
 * only when a run listens; what a response caused elsewhere (its SQL under the request in
 * the SQL tab, its output, an error's line in the editor) the playground does through hooks.
 */
import { formatBody, REQUEST_METHODS, statusLine, type AppExchange, type AppRequest, type RequestMethod } from '../../schemas/app-exchange';
import { isRequestPath } from '../../schemas/app-exchange';
import { requestLine } from '../../schemas/request-line';
import { h } from './dom';

export interface RequestPanelHooks {
  /** Sends the request to the app (the page's runtime) and resolves with what came of it. */
  send(request: AppRequest): Promise<AppExchange>;
  /** Shows what the request caused in the result panels (SQL, console, the error's line). */
  showExchange(line: string, exchange: AppExchange): void;
  /** Opens the SQL tab at this request's statements. */
  openSql(line: string): void;
  /** "line N" pressed in an error: show it in the editor. */
  onLine(line: number, button: HTMLButtonElement): void;
}

/** Recent requests kept to send again. */
const RECENT = 5;

/** "Accept: application/json" lines as headers; a line without a colon is a mistake to say. */
export function parseHeaders(text: string): { headers: Record<string, string> } | { problem: string } {
  const headers: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name)) return { problem: `"${line}" is not a header: write it as Name: value.` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export class RequestPanel {
  private readonly form: HTMLFormElement;
  private readonly method: HTMLSelectElement;
  private readonly path: HTMLInputElement;
  private readonly headers: HTMLTextAreaElement;
  private readonly body: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly problem: HTMLElement;
  private readonly response: HTMLElement;
  private readonly recentBox: HTMLElement;
  private readonly recentList: HTMLElement;
  private recent: AppRequest[] = [];
  private busy = false;
  private live = false;

  constructor(
    private readonly root: HTMLElement,
    presets: readonly AppRequest[],
    private readonly hooks: RequestPanelHooks,
  ) {
    const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-part="${name}"]`)!;
    this.form = part<HTMLFormElement>('request-form');
    this.method = this.form.elements.namedItem('method') as HTMLSelectElement;
    this.path = this.form.elements.namedItem('path') as HTMLInputElement;
    this.headers = this.form.elements.namedItem('headers') as HTMLTextAreaElement;
    this.body = this.form.elements.namedItem('body') as HTMLTextAreaElement;
    this.sendButton = part<HTMLButtonElement>('request-send');
    this.problem = part('request-problem');
    this.response = part('request-response');
    this.recentBox = part('request-recent');
    this.recentList = part('request-list');
    // The lesson's presets are the first requests to send again.
    this.recent = presets.slice(0, RECENT);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    // Ctrl+Enter sends from any field here (in the playground elsewhere it runs the program).
    this.form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.submit();
      }
    });
    this.renderRecent();
  }

  /** The app listens: the panel shows, and a new app's responses replace the old one's. */
  open(port: number): void {
    this.live = true;
    this.root.hidden = false;
    this.root.querySelector('[data-part="request-port"]')!.textContent = `Listening on port ${port}`;
    this.response.replaceChildren();
    this.setBusy(false);
  }

  /** No app any more (a run without one, a Reset): the panel goes. */
  close(): void {
    this.live = false;
    this.root.hidden = true;
    this.response.replaceChildren();
  }

  /** A run is starting: the app it replaces takes no more requests. */
  suspend(): void {
    this.live = false;
    this.setBusy(false);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.disabled = busy || !this.live;
    this.root.setAttribute('aria-busy', String(busy));
  }

  /** Reads the form; says what is wrong instead when something is. */
  private read(): AppRequest | undefined {
    const method = this.method.value as RequestMethod;
    const path = this.path.value.trim();
    const say = (problem: string, field: HTMLElement) => {
      this.problem.textContent = problem;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return undefined;
    };
    for (const field of [this.path, this.headers, this.body]) field.removeAttribute('aria-invalid');
    this.problem.textContent = '';
    if (!(REQUEST_METHODS as readonly string[]).includes(method)) return say('Pick a method.', this.method);
    if (!isRequestPath(path)) return say('The path starts with "/" and has no spaces, such as /users/1/posts.', this.path);
    const headers = parseHeaders(this.headers.value);
    if ('problem' in headers) return say(headers.problem, this.openExtras(this.headers));
    const body = this.body.value.trim();
    if (body !== '') {
      try {
        JSON.parse(body);
      } catch (error) {
        return say(`The JSON body is not JSON (${error instanceof Error ? error.message : 'parse error'}).`, this.openExtras(this.body));
      }
    }
    return { method, path, headers: headers.headers, ...(body !== '' ? { body } : {}) };
  }

  private openExtras(field: HTMLElement): HTMLElement {
    const details = field.closest('details');
    if (details) details.open = true;
    return field;
  }

  /** Fills the form with a request (a preset, a recent one) and sends it. */
  async resend(request: AppRequest): Promise<void> {
    this.method.value = request.method;
    this.path.value = request.path;
    this.headers.value = Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n');
    this.body.value = request.body ?? '';
    await this.submit();
  }

  async submit(): Promise<void> {
    if (this.busy || !this.live) return;
    const request = this.read();
    if (!request) return;
    const line = requestLine(request);
    this.setBusy(true);
    this.response.replaceChildren(h('p', { class: 'pg-req__pending' }, `Sending ${line}…`));
    let exchange: AppExchange;
    try {
      exchange = await this.hooks.send(request);
    } finally {
      this.setBusy(false);
    }
    this.remember(request);
    this.response.replaceChildren(this.renderExchange(line, exchange));
    this.hooks.showExchange(line, exchange);
    if (exchange.appStopped) {
      this.live = false;
      this.setBusy(false);
      this.root.querySelector('[data-part="request-port"]')!.textContent = 'The app stopped';
    }
  }

  private remember(request: AppRequest): void {
    const line = requestLine(request);
    this.recent = [request, ...this.recent.filter((other) => requestLine(other) !== line)].slice(0, RECENT);
    this.renderRecent();
  }

  private renderRecent(): void {
    this.recentBox.hidden = this.recent.length === 0;
    this.recentList.replaceChildren(
      ...this.recent.map((request) => {
        const line = requestLine(request);
        const button = h('button', { type: 'button', class: 'pg-req__again', 'aria-label': `Send ${line}` }, line);
        button.addEventListener('click', () => void this.resend(request));
        return h('li', {}, button);
      }),
    );
  }

  private renderExchange(line: string, exchange: AppExchange): HTMLElement {
    const { response, error } = exchange;
    const box = h('div', { class: 'pg-req__result' });
    const head = h('div', { class: 'pg-req__status' });
    if (response) {
      const tone = response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'ok';
      head.append(h('strong', { class: `pg-req__code pg-req__code--${tone}`, 'data-part': 'response-status' }, statusLine(response)));
    } else {
      head.append(h('strong', { class: 'pg-req__code pg-req__code--error', 'data-part': 'response-status' }, 'No response'));
    }
    head.append(h('span', { class: 'pg-req__time' }, `${Math.round(exchange.timeMs)} ms`));
    const own = exchange.sql.filter((statement) => !statement.internal).length;
    const sqlButton = h('button', { type: 'button', class: 'pg-req__sql' }, `${own} SQL statement${own === 1 ? '' : 's'}`);
    sqlButton.addEventListener('click', () => this.hooks.openSql(line));
    head.append(sqlButton);
    box.append(head);
    if (error) {
      const lineButton = error.location
        ? h('button', { type: 'button', class: 'pg-line', title: `Show line ${error.location.line} in the editor` }, `line ${error.location.line}`)
        : null;
      lineButton?.addEventListener('click', () => this.hooks.onLine(error.location!.line, lineButton));
      box.append(
        h(
          'div',
          { class: `pg-error pg-error--${error.kind}`, role: 'alert' },
          h('div', { class: 'pg-error__head' }, h('strong', { class: 'pg-error__name' }, error.name), lineButton ? ' ' : null, lineButton),
          h('div', { class: 'pg-error__message' }, error.message),
          error.details.length ? h('ul', { class: 'pg-error__details' }, ...error.details.map((detail) => h('li', {}, detail))) : null,
        ),
      );
    }
    if (response) {
      box.append(
        h(
          'details',
          { class: 'pg-req__headers' },
          h('summary', {}, `Headers (${response.headers.length})`),
          h('dl', {}, ...response.headers.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
        ),
      );
      const body = formatBody(response);
      const raw = (label: string) =>
        h('pre', { class: 'pg-req__body', tabindex: 0, 'aria-label': label, 'data-part': 'response-body' }, h('code', {}, body.text));
      // Express's error page is HTML for a browser: what it says first, the markup on request.
      box.append(
        body.text === ''
          ? h('p', { class: 'pg-empty' }, 'The response has no body.')
          : body.errorPage
            ? h(
                'div',
                { class: 'pg-req__error-page' },
                h('p', {}, 'Express’s error page, which says: ', h('code', { 'data-part': 'error-page-text' }, body.errorPage)),
                h('details', {}, h('summary', {}, 'The page’s HTML, as sent'), raw('Response body (HTML)')),
              )
            : raw(body.json ? 'Response body (JSON)' : 'Response body'),
      );
    }
    if (exchange.appStopped) box.append(h('p', { class: 'pg-notice' }, 'The app stopped. Run the program again to send more requests.'));
    return box;
  }
}
