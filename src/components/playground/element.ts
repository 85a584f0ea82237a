/**
 * <assoclab-playground>: the server-rendered program turns into a Monaco editor when the
 * learner shows intent (pointer over the playground, focus inside it, a touch), runs on the
 * page's shared runtime and shows the result in Console / SQL / Tables panels.
 *
 * Nothing heavy loads with the page: the prose is readable at once and a reader who never
 * touches the playground never downloads Monaco or the runtime. Run does not wait for the
 * editor: it runs the program as shown, and the editor's extras (the error marker, SQL
 * colours) are applied when it arrives.
 *
 * API for tests and the exercise UI: getCode(), setCode(code), run(): Promise<RunResult>,
 * showRun(result) for a run made elsewhere (Check), an `assoclab:result` CustomEvent
 * (detail: RunResult) after every Run, and `assoclab:reset` after a Reset.
 */
import type { Explanation } from '../../explain/mistakes';
import type { CodeEditor, EditorLanguage, Monaco } from '../../editor';
import { runtimeFailure, type ConsoleEntry, type RunResult } from '../../schemas/run-result';
import type { RuntimeStatus } from '../../runtime/protocol/client';
import { forgetApp, getRuntime, runProgram, runtimeStarted, sendRequest, warmUpRuntime } from './runtime';
import type { AppExchange, AppRequest } from '../../schemas/app-exchange';
import type { RequestPanel } from './request-panel';
import { plainLines } from './lines';
import { debounce, loadCode, saveCode } from './storage';
import { setUpTabs, type Tabs } from './tabs';
import { createBreather, whenIdle } from './breather';
import { languageServiceWaitsForQuiet, startLanguageServiceWhenQuiet } from '../../editor/language-service';

declare global {
  interface HTMLElementTagNameMap {
    'assoclab-playground': PlaygroundElement;
  }
  interface HTMLElementEventMap {
    'assoclab:result': CustomEvent<RunResult>;
    /** Reset brought back the lesson's program (after the learner confirmed). */
    'assoclab:reset': CustomEvent<undefined>;
  }
}

type RunState = 'idle' | 'queued' | 'running' | 'done';

/** A touch screen without a hovering pointer: keyboard shortcuts are not mentioned there. */
function touchScreen(): boolean {
  return window.matchMedia('(hover: none), (pointer: coarse)').matches;
}

/** A run still going after this long shows its output as it prints (quicker ones just show their result). */
const LIVE_OUTPUT_AFTER_MS = 300;

export class PlaygroundElement extends HTMLElement {
  private original = '';
  private code = '';
  private language: EditorLanguage = 'javascript';
  /** The run's time budget from `data-budget` (read at each run), or the runtime's default. */
  private get budgetMs(): number | undefined {
    const budget = Number(this.dataset.budget);
    return Number.isFinite(budget) && budget > 0 ? budget : undefined;
  }
  private editor: CodeEditor | undefined;
  private monaco: Monaco | undefined;
  private editorLoading: Promise<void> | undefined;
  private runState: RunState = 'idle';
  private runSeq = 0;
  private tabs: Tabs | undefined;
  private lastResult: RunResult | undefined;
  private unsubscribe: (() => void) | undefined;
  private save = debounce<string>((code) => saveCode(this.storageId, code, this.original), 400);
  private started = false;
  /** The Request panel, loaded when a run first leaves an app listening. */
  private requestPanel: RequestPanel | undefined;

  private get storageId(): string {
    return this.dataset.id ?? this.id;
  }

  private piece<T extends HTMLElement>(name: string): T {
    const found = this.querySelector<T>(`[data-part="${name}"]`);
    if (!found) throw new Error(`<assoclab-playground> is missing its ${name} part.`);
    return found;
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const pre = this.piece<HTMLPreElement>('static');
    this.original = this.piece<HTMLTemplateElement>('original').content.textContent ?? pre.textContent ?? '';
    this.language = this.dataset.language === 'typescript' ? 'typescript' : 'javascript';
    const saved = loadCode(this.storageId);
    this.code = saved ?? this.original;
    if (saved !== undefined) {
      this.showStaticCode(saved);
      this.piece('restored').hidden = false;
    }

    this.tabs = setUpTabs(this.piece('tablist'), (panel) => {
      if (panel.dataset.part === 'panel-diagram') void this.showDiagram();
    });
    this.piece<HTMLButtonElement>('run').addEventListener('click', () => void this.run());
    this.piece<HTMLButtonElement>('reset').addEventListener('click', () => this.reset());
    // Ctrl/Cmd+Enter anywhere in the playground (Monaco handles it inside the editor).
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        void this.run();
      }
    });
    // Intent loads the editor and starts the runtime: a pointer reaches the playground
    // before a click lands on Run, and keyboard users focus inside it first.
    const intent = () => {
      warmUpRuntime();
      this.showStatus(getRuntime().status);
      void this.loadEditor();
    };
    for (const type of ['pointerenter', 'focusin', 'touchstart'] as const) {
      this.addEventListener(type, intent, { once: true, passive: true });
    }
    window.addEventListener('pagehide', () => this.save.flush());

    const runtime = getRuntime();
    this.unsubscribe = runtime.onStatus((status) => this.showStatus(status));
  }

  disconnectedCallback(): void {
    this.save.flush();
    this.unsubscribe?.();
  }

  /** The program as the learner sees it now. */
  getCode(): string {
    return this.editor?.getValue() ?? this.code;
  }

  /** Replaces the program (as if the learner had typed it; saved like an edit). */
  setCode(code: string): void {
    this.code = code;
    if (this.editor) this.editor.setValue(code);
    else {
      this.showStaticCode(code);
      this.save(code);
      this.announceEdit();
    }
  }

  /** Tells the page (an exercise's verdicts) that the program is no longer the one last run or checked. */
  private announceEdit(): void {
    this.dispatchEvent(new CustomEvent('assoclab:edit', { bubbles: true }));
  }

  /** A program other than the built one, shown until the editor loads: numbered lines, not highlighted. */
  private showStaticCode(code: string): void {
    this.piece('code').replaceChildren(...plainLines(document, code));
  }

  /** Runs the program on the page's runtime, shows the result, fires `assoclab:result`, and resolves with it. */
  async run(): Promise<RunResult> {
    const seq = ++this.runSeq;
    // A Run has the cores: the editor's language service waits for a quiet moment.
    languageServiceWaitsForQuiet();
    const source = this.getCode();
    this.save.flush();
    this.editor?.clearMarkers();
    this.requestPanel?.suspend();
    const runtime = getRuntime();
    this.setRunState(runtime.status === 'ready' || runtime.status === 'running' ? 'running' : 'queued');
    let result: RunResult;
    const live = this.followOutput(seq);
    try {
      const running = runProgram(source, this.language, this.budgetMs, live.onEntry, this);
      void runtime.ready().then(
        () => {
          if (this.runSeq === seq && this.runState === 'queued') this.setRunState('running');
        },
        () => undefined,
      );
      result = await running;
    } catch (error) {
      result = runtimeFailure(error instanceof Error ? error.message : 'The runtime could not start.');
    } finally {
      live.stop();
    }
    if (seq !== this.runSeq) return result; // a newer run of this playground took over
    await this.showResult(result, source);
    if (seq !== this.runSeq) return result; // … or while its result was being drawn
    await this.showRequestPanel(result);
    this.setRunState('done');
    this.dispatchEvent(new CustomEvent('assoclab:result', { detail: result, bubbles: true }));
    return result;
  }

  /** Shows a run made elsewhere (the exercise's Check) in this playground's panels, as its own Run would. */
  async showRun(result: RunResult): Promise<void> {
    const seq = ++this.runSeq;
    this.editor?.clearMarkers();
    await this.showResult(result, this.getCode());
    if (seq !== this.runSeq) return;
    this.setRunState('done');
  }

  /**
   * Output of a slow run as it is printed (a program waiting on timers, or one about to be
   * stopped): once the run has lasted LIVE_OUTPUT_AFTER_MS and printed something, the
   * Console panel shows what it printed so far and grows, a frame at a time. The run's
   * result replaces it at the end.
   */
  private followOutput(seq: number): { onEntry(entry: ConsoleEntry): void; stop(): void } {
    const waiting: ConsoleEntry[] = [];
    let printed = 0;
    let view: { append(entries: readonly ConsoleEntry[]): void } | undefined;
    let due = false;
    let opening = false;
    let frame = 0;
    let stopped = false;
    const flush = () => {
      frame = 0;
      if (!view || stopped || waiting.length === 0) return;
      view.append(waiting.splice(0));
      this.piece('count-console').textContent = String(printed);
    };
    const open = async () => {
      opening = true;
      const { renderLiveConsole } = await import('./results');
      if (stopped || seq !== this.runSeq) return;
      const live = renderLiveConsole();
      this.piece('panel-console').replaceChildren(live.root);
      view = live;
      flush();
    };
    const timer = setTimeout(() => {
      due = true;
      if (printed > 0) void open();
    }, LIVE_OUTPUT_AFTER_MS);
    return {
      onEntry: (entry) => {
        printed++;
        waiting.push(entry);
        if (view) frame ||= requestAnimationFrame(flush);
        else if (due && !opening) void open();
      },
      stop: () => {
        stopped = true;
        clearTimeout(timer);
        if (frame) cancelAnimationFrame(frame);
      },
    };
  }

  private reset(): void {
    const current = this.getCode();
    if (current !== this.original) {
      const sure = window.confirm("Reset this playground to the lesson's program? Your changes will be lost.");
      if (!sure) return;
    }
    this.setCode(this.original);
    this.save.flush();
    saveCode(this.storageId, this.original, this.original);
    this.editor?.clearMarkers();
    this.piece('restored').hidden = true;
    forgetApp(this);
    this.requestPanel?.close();
    if (this.summary.startsWith('Listening')) this.summary = 'The app stopped: Run starts it again';
    this.showStatus(getRuntime().status);
    this.editor?.focus();
    this.dispatchEvent(new CustomEvent('assoclab:reset', { bubbles: true }));
  }

  private loadEditor(): Promise<void> {
    this.editorLoading ??= (async () => {
      const host = this.piece('editor');
      host.setAttribute('aria-busy', 'true');
      try {
        const [{ loadMonaco, createCodeEditor }] = await Promise.all([import('../../editor')]);
        const monaco = await loadMonaco();
        this.monaco = monaco;
        const pre = this.piece<HTMLPreElement>('static');
        const hadFocus = pre.contains(document.activeElement);
        const mount = document.createElement('div');
        mount.className = 'pg-monaco';
        host.append(mount);
        this.editor = createCodeEditor({
          monaco,
          container: mount,
          value: this.code,
          language: this.language,
          ariaLabel: 'Code editor',
          modelName: this.storageId,
          onChange: (value) => {
            this.code = value;
            this.save(value);
            this.announceEdit();
          },
          onRunShortcut: () => void this.run(),
        });
        pre.remove();
        this.dataset.editor = 'ready';
        void this.prepareResults();
        startLanguageServiceWhenQuiet();
        if (hadFocus) this.editor.focus();
        if (this.lastResult) await this.applyEditorExtras(this.lastResult);
      } catch (error) {
        this.editorLoading = undefined;
        this.dataset.editor = 'failed';
        this.piece('status-text').textContent =
          `The editor could not load (${error instanceof Error ? error.message : 'network error'}). You can still run the program.`;
      } finally {
        host.removeAttribute('aria-busy');
      }
    })();
    return this.editorLoading;
  }

  private setRunState(state: RunState): void {
    this.runState = state;
    this.dataset.state = state;
    const results = this.piece('results');
    results.setAttribute('aria-busy', String(state === 'running' || state === 'queued'));
    this.showStatus(getRuntime().status);
  }

  private showStatus(status: RuntimeStatus): void {
    const text = this.piece('status-text');
    const spinner = this.piece('spinner');
    let message = '';
    let busy = false;
    if (this.runState === 'queued' || (this.runState === 'running' && status === 'loading')) {
      message = 'Loading the SQLite runtime… your run starts when it is ready.';
      busy = true;
    } else if (this.runState === 'running') {
      message = 'Running…';
      busy = true;
    } else if (status === 'loading' && runtimeStarted()) {
      message = 'Loading the SQLite runtime…';
      busy = true;
    } else if (status === 'failed') {
      message = 'The runtime could not start. Reload the page to try again.';
    } else if (this.runState === 'done') {
      message = this.summary;
    } else if (status === 'ready') {
      message = touchScreen() ? 'Ready. Press Run.' : 'Ready. Press Run or Ctrl+Enter.';
    }
    spinner.hidden = !busy;
    this.dataset.runtime = status;
    if (text.textContent !== message) text.textContent = message;
  }

  private summary = '';

  /** The Diagram panel's module (with its layout library), loaded when the tab is first opened. */
  private diagramModule: Promise<typeof import('./diagram-view')> | undefined;
  /** The result the Diagram panel shows. */
  private diagramOf: RunResult | undefined;

  /** Draws the last run's diagram into the Diagram panel, if it is not already there. */
  private async showDiagram(): Promise<void> {
    const result = this.lastResult;
    if (!result || this.diagramOf === result) return;
    this.diagramModule ??= import('./diagram-view');
    const panel = this.piece('panel-diagram');
    try {
      const { renderDiagram } = await this.diagramModule;
      if (this.lastResult !== result || this.diagramOf === result) return;
      this.diagramOf = result;
      panel.replaceChildren(renderDiagram(result, panel));
    } catch (error) {
      this.diagramModule = undefined;
      panel.replaceChildren(`The diagram could not load (${error instanceof Error ? error.message : 'network error'}). Open the tab again to retry.`);
    }
  }

  /**
   * The result panels' modules and their first-use work (SQL formatting and colouring), in
   * idle time once the editor is in place: the learner is about to Run or Check, and the
   * first result then shows without one long pause of loading and compiling.
   */
  private async prepareResults(): Promise<void> {
    await whenIdle();
    const [results] = await Promise.all([import('./results'), import('./run-visuals')]);
    const monaco = this.monaco;
    await results.prepareSqlRendering(monaco ? (sql) => monaco.editor.colorize(sql, 'sql', { tabSize: 2 }) : undefined);
  }

  /** `source` is the program that ran: its lines tell which statements sync() sent. */
  /**
   * Fills the panels with a run's result. The work comes in slices, each its own task (the
   * SQL log yields as it goes; the steps below yield between them), so no click or keystroke
   * waits long behind it; the panels are swapped in together at the end, unless a newer run
   * of this playground has begun meanwhile.
   */
  private async showResult(result: RunResult, source: string): Promise<void> {
    const seq = this.runSeq;
    const breathe = createBreather();
    const [{ renderConsole, renderSql, renderTables, explainRun }, visuals] = await Promise.all([import('./results'), import('./run-visuals')]);
    const monaco = this.monaco;
    const hooks = {
      onLine: (line: number, button: HTMLButtonElement) => {
        for (const other of this.querySelectorAll('.pg-line[aria-pressed="true"]')) other.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        void this.loadEditor().then(() => this.editor?.highlightLine(line));
      },
      colorizeSql: monaco ? (sql: string) => monaco.editor.colorize(sql, 'sql', { tabSize: 2 }) : undefined,
      program: source,
    };
    const sqlPanel = await renderSql(result, hooks);
    await breathe();
    // Tables at every step (Tables panel, and under each statement in SQL), N+1 groups.
    const history = new visuals.TableHistory(result);
    const stepper = visuals.createTablesStepper(result, history, () => renderTables(result));
    await breathe();
    visuals.decorateSqlPanel(sqlPanel, result, history, {
      onLine: hooks.onLine,
      openInTables: (index) => {
        stepper.show(index);
        this.selectPanel('panel-tables');
      },
    });
    const consolePanel = renderConsole(result, hooks);
    await breathe();
    if (seq !== this.runSeq) return;
    this.piece('panel-console').replaceChildren(consolePanel);
    this.piece('panel-sql').replaceChildren(sqlPanel);
    this.piece('panel-tables').replaceChildren(stepper.root);
    const own = result.sql.filter((statement) => !statement.internal).length;
    this.piece('count-console').textContent = String(result.console.length + (result.error ? 1 : 0));
    this.piece('count-sql').textContent = String(own);
    this.piece('count-tables').textContent = String(result.database.tables.length);
    this.piece('count-diagram').textContent = String(result.models.models.length);

    this.lastResult = result;
    // An open Diagram panel follows every run; a closed one draws when it is opened.
    if (!this.piece('panel-diagram').hidden) void this.showDiagram();
    // The editor's marker at the error line carries the mistake's name too.
    this.lastExplanation = explainRun(result, source).find((explanation) => explanation.line === result.error?.location?.line);
    if (this.editor) this.markError(result);

    const { error } = result;
    if (error) {
      // The error is in the Console panel: show it.
      this.tabs?.select(0);
      const where = error.location ? ` (line ${error.location.line})` : '';
      this.summary = error.kind === 'timeout' ? 'Stopped: it ran too long' : error.kind === 'memory' ? 'Stopped: it used too much memory' : `Failed${where}`;
    } else {
      this.summary = `Done in ${Math.round(result.timings.totalMs)} ms`;
    }
  }

  private lastExplanation: Explanation | undefined;

  /** The Request panel when the run left an app listening (its code loads then), hidden otherwise. */
  private async showRequestPanel(result: RunResult): Promise<void> {
    const port = result.listening?.[0];
    if (port === undefined) {
      this.requestPanel?.close();
      return;
    }
    if (!this.requestPanel) {
      const { RequestPanel } = await import('./request-panel');
      this.requestPanel ??= new RequestPanel(this.piece('request'), this.presetRequests(), {
        send: (request) => sendRequest(this, request),
        showExchange: (line, exchange) => void this.showExchange(line, exchange),
        openSql: (line) => this.openRequestSql(line),
        onLine: (line, button) => this.pressLine(line, button),
      });
    }
    this.requestPanel.open(port);
    this.summary = `Listening on port ${port}`;
  }

  /** The lesson's preset requests (data-requests, checked at build time). */
  private presetRequests(): AppRequest[] {
    try {
      const parsed: unknown = JSON.parse(this.dataset.requests ?? '[]');
      return Array.isArray(parsed) ? (parsed as AppRequest[]) : [];
    } catch {
      return [];
    }
  }

  /** Puts what a request caused in the panels: its SQL under it in the SQL tab, its output in the Console, its error at its line. */
  private async showExchange(line: string, exchange: AppExchange): Promise<void> {
    const [{ renderRequestSql, renderRequestConsole }, { decorateRequestSql }] = await Promise.all([import('./results'), import('./run-visuals')]);
    const hooks = {
      onLine: (at: number, button: HTMLButtonElement) => this.pressLine(at, button),
      colorizeSql: this.monaco ? (sql: string) => this.monaco!.editor.colorize(sql, 'sql', { tabSize: 2 }) : undefined,
      program: this.getCode(),
    };
    const sqlPanel = this.piece('panel-sql');
    sqlPanel.querySelector(':scope > .pg-empty')?.remove();
    const block = await renderRequestSql(line, exchange, hooks);
    // A route that loads related rows one query per row is marked as the run's N+1 is.
    decorateRequestSql(block, exchange.sql, hooks);
    sqlPanel.append(block);
    if (exchange.console.length > 0) this.piece('panel-console').append(renderRequestConsole(line, exchange));
    const count = this.piece('count-sql');
    count.textContent = String(Number(count.textContent || 0) + exchange.sql.filter((statement) => !statement.internal).length);
    const { error } = exchange;
    this.editor?.clearMarkers();
    if (error?.location && this.editor) this.editor.setErrorMarker(error.location.line, error.location.column, `${error.name}: ${error.message}`);
    if (exchange.appStopped) {
      this.summary = 'The app stopped';
      this.showStatus(getRuntime().status);
    }
  }

  /** Opens the SQL tab at a request's statements (the latest block of that request). */
  private openRequestSql(line: string): void {
    this.selectPanel('panel-sql');
    const blocks = Array.from(this.piece('panel-sql').querySelectorAll<HTMLElement>('.pg-request-block'));
    blocks
      .filter((block) => block.dataset.request === line)
      .at(-1)
      ?.scrollIntoView({ block: 'nearest' });
  }

  /** A "line N" button: pressed, and the line shown in the editor. */
  private pressLine(line: number, button: HTMLButtonElement): void {
    for (const other of this.querySelectorAll('.pg-line[aria-pressed="true"]')) other.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', 'true');
    void this.loadEditor().then(() => this.editor?.highlightLine(line));
  }

  /** Selects the tab of a panel (by its data-part) and moves focus to the panel. */
  private selectPanel(part: string): void {
    const tabs = Array.from(this.piece('tablist').querySelectorAll<HTMLElement>('[role="tab"]'));
    const index = tabs.findIndex((tab) => tab.getAttribute('aria-controls') === this.piece(part).id);
    if (index < 0) return;
    this.tabs?.select(index);
    this.piece(part).focus({ preventScroll: true });
  }

  private markError(result: RunResult): void {
    const { error } = result;
    const why = this.lastExplanation ? `\n\n${this.lastExplanation.title}: ${this.lastExplanation.what}` : '';
    if (error?.location && this.editor) this.editor.setErrorMarker(error.location.line, error.location.column, `${error.name}: ${error.message}${why}`);
  }

  /** A result shown before the editor arrived gets its marker and SQL colours now. */
  private async applyEditorExtras(result: RunResult): Promise<void> {
    this.markError(result);
    const monaco = this.monaco;
    if (!monaco) return;
    for (const code of this.piece('panel-sql').querySelectorAll<HTMLElement>('code.pg-sql__code:not([data-coloured])')) {
      try {
        code.innerHTML = await monaco.editor.colorize(code.textContent ?? '', 'sql', { tabSize: 2 });
        code.dataset.coloured = '';
      } catch {
        // stays plain text
      }
    }
  }
}

if (!customElements.get('assoclab-playground')) customElements.define('assoclab-playground', PlaygroundElement);
