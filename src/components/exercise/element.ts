/**
 * <assoclab-exercise>: the controls around an exercise's playground.
 *
 * - Check: grades the program in the editor on the page's warm check workers (./check-service.ts: the
 *   learner's program in a fresh worker, the reference solution's answer kept per page,
 *   verdicts computed on the page) and shows
 *   every check's state, message and expected/found. The verdicts are saved (progress.ts)
 *   and shown again after a reload. All green marks the exercise solved, or "solved with
 *   the solution" when the program came from "Use this solution" (until Reset).
 * - Hint: reveals the next hint, scrolled into view and focused; disabled, with a note,
 *   once all are shown. The hints sit right after the buttons (beside the program on wide screens).
 * - Show solution: the solution beside the learner's program as a read-only Monaco diff,
 *   scrolled into view with focus on its heading; "Use this solution" copies it into the
 *   editor, after a confirmation.
 * - Run, Check, Hint, Show solution and typing in the editor note this exercise as the one
 *   the learner works on (the home page's "Continue where you left off").
 *
 * The check runner and the editor are imported on first use, so the page's initial script
 * stays small (and never contains Sequelize: that lives in the workers only).
 */
import type { DiffView } from '../../editor';
import type { Exercise } from '../../schemas/exercise';
import type { GradeReport } from '../../checks/grade';
import type { PlaygroundElement } from '../playground/element';
import { progress, sourceHash, type ExerciseRecord, type ExerciseStatus, type SavedCheck, type SavedRunError, type SavedVerdicts } from '../progress';
import { readPayload } from './payload';
import { checkShown, gradeOnPage, prepareChecks } from './check-service';
import { nextTask } from '../playground/breather';
import { languageServiceWaitsForQuiet } from '../../editor/language-service';

/** `unjudged`: the program stopped before the work the check asks about, so it neither passed nor failed. */
type CheckState = 'pending' | 'running' | 'passed' | 'failed' | 'unjudged';

const STATE_TEXT: Record<CheckState, string> = {
  pending: 'Not run',
  running: 'Checking',
  passed: 'Passed',
  failed: 'Failed',
  unjudged: 'Not judged',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const BADGE_TEXT: Record<Exclude<ExerciseStatus, 'todo'>, string> = {
  solved: 'Solved',
  'solved-with-solution': 'Solved with the solution',
};

/** A Check's report as progress keeps it: every verdict, the run's error, and which program was checked. */
function toSaved(report: GradeReport, source: string): SavedVerdicts {
  const checks = report.checks.map(({ id, passed, message, expected, found, notJudged }) => {
    const check: SavedCheck = { id, passed, message };
    if (expected !== undefined) check.expected = expected;
    if (found !== undefined) check.found = found;
    if (notJudged) check.notJudged = true;
    return check;
  });
  const saved: SavedVerdicts = { at: new Date().toISOString(), passed: report.passed, source: sourceHash(source), checks };
  const error = report.run.error;
  if (error) {
    saved.runError = { kind: error.kind, name: error.name, message: error.message };
    if (error.location) saved.runError.line = error.location.line;
  }
  return saved;
}

/** "on 3 May at 14:05" (today: "today at 14:05"), in the learner's locale. */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'earlier';
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const today = new Date().toDateString() === date.toDateString();
  return today ? `today at ${time}` : `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })} at ${time}`;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class ExerciseElement extends HTMLElement {
  private exercise: Exercise | undefined;
  private started = false;
  private busy = false;
  private diff: DiffView | undefined;
  private diffSeq = 0;
  /** The lesson this exercise is placed in (its page's slug). */
  private lessonSlug: string | undefined;
  private typingNoted = false;

  private piece<T extends HTMLElement>(name: string): T {
    const found = this.querySelector<T>(`[data-part="${name}"]`);
    if (!found) throw new Error(`<assoclab-exercise> is missing its ${name} part.`);
    return found;
  }

  private optionalPiece<T extends HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-part="${name}"]`);
  }

  private get exerciseId(): string {
    return this.dataset.exerciseId ?? '';
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    try {
      this.exercise = readPayload(this.piece<HTMLScriptElement>('data').textContent ?? '').exercise;
    } catch (error) {
      this.setStatus(`This exercise could not start (${error instanceof Error ? error.message : 'bad data'}). Reload the page to try again.`);
      return;
    }

    const check = this.piece<HTMLButtonElement>('check');
    // Check sits beside the playground's Run button when the playground has its toolbar.
    const run = this.querySelector<HTMLElement>('assoclab-playground [data-part="run"]');
    if (run?.parentElement) run.insertAdjacentElement('afterend', check);
    check.addEventListener('click', () => void this.check());

    this.optionalPiece<HTMLButtonElement>('hint')?.addEventListener('click', () => this.revealHint());
    this.piece<HTMLButtonElement>('solution').addEventListener('click', () => {
      if (this.piece('solution-panel').hidden) void this.showSolution();
      else this.hideSolution();
    });
    this.piece<HTMLButtonElement>('hide-solution').addEventListener('click', () => this.hideSolution(true));
    this.piece<HTMLButtonElement>('use-solution').addEventListener('click', () => void this.useSolution());

    // Verdicts describe the program that was checked: once it changes, they are shown as out of date.
    this.addEventListener('assoclab:edit', () => this.markVerdictsOutdated());

    this.lessonSlug = this.closest<HTMLElement>('[data-lesson-slug]')?.dataset.lessonSlug;
    const record = progress.exercise(this.exerciseId);
    this.showProgress(record.status);
    if (record.last) this.restoreVerdicts(record.last, record);
    window.addEventListener('assoclab:progress', (event) => {
      if (event.detail.kind === 'exercise' && event.detail.id === this.exerciseId) this.showProgress(progress.exerciseStatus(this.exerciseId));
    });

    // Working on this exercise: a Run of its program, typing in its editor (Check, Hint and
    // Show solution note it themselves).
    this.addEventListener('assoclab:result', () => this.noteWorkingOn());
    this.addEventListener('keydown', (event) => {
      if (this.typingNoted || !(event.target instanceof Element) || !event.target.closest('[data-part="editor"]')) return;
      this.typingNoted = true;
      this.noteWorkingOn();
    });
    // Reset brings back the starter: from now on a pass is the learner's own.
    this.addEventListener('assoclab:reset', () => progress.setUsingSolution(this.exerciseId, false));
    this.prepareWhenNear(this.exercise);
  }

  /**
   * Prepares the exercise's first Check (check-service.ts) when it comes near the viewport:
   * not before, since a page sends no runtime until the learner reaches for it. Not left for
   * an idle moment either: the page is busy loading the editor then, and the work is the
   * workers' (in their own process), not the page's. Exercises near the viewport are
   * prepared one after another; the one the learner reaches for (pointer or focus, as its
   * editor loads) goes first: behind another's, its first Check waited for its reference
   * solution to start, twice as long.
   */
  private prepareWhenNear(exercise: Exercise): void {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        prepareChecks(exercise);
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(this);
    const reached = () => {
      observer.disconnect();
      prepareChecks(exercise, { first: true });
    };
    for (const type of ['pointerenter', 'focusin'] as const) this.addEventListener(type, reached, { once: true, passive: true });
  }

  disconnectedCallback(): void {
    this.diff?.dispose();
    this.diff = undefined;
  }

  private async playground(): Promise<PlaygroundElement> {
    await customElements.whenDefined('assoclab-playground');
    const playground = this.querySelector('assoclab-playground');
    if (!playground) throw new Error('The exercise has no editor.');
    return playground;
  }

  private setStatus(text: string): void {
    const status = this.piece('status');
    if (status.textContent !== text) status.textContent = text;
  }

  private noteWorkingOn(): void {
    if (this.lessonSlug) progress.setLastWorkedOn({ lesson: this.lessonSlug, exercise: this.exerciseId });
  }

  /** The exercise's state (data-state, the badge): todo, solved, or solved with the solution. */
  private showProgress(status: ExerciseStatus): void {
    this.dataset.state = status;
    const badge = this.piece('badge');
    badge.hidden = status === 'todo';
    if (status !== 'todo') this.piece('badge-text').textContent = BADGE_TEXT[status];
  }

  /* Check */

  private async check(): Promise<void> {
    const exercise = this.exercise;
    if (!exercise || this.busy) return;
    this.busy = true;
    const button = this.piece<HTMLButtonElement>('check');
    button.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-disabled', 'true');
    this.dataset.result = 'checking';
    delete this.dataset.verdicts;
    // A Check has the cores: the editor's language service waits for a quiet moment.
    languageServiceWaitsForQuiet();
    this.piece('success').hidden = true;
    this.setStatus('Checking… your program and the reference solution run in fresh SQLite databases.');
    for (const item of this.checkItems()) this.setCheckState(item, 'running');
    this.piece('tally').textContent = `Checking ${plural(exercise.checks.length, 'check', 'checks')}…`;
    try {
      this.noteWorkingOn();
      const playground = await this.playground();
      const source = playground.getCode();
      const report = await gradeOnPage(exercise, source);
      const saved = toSaved(report, source);
      const record = progress.recordCheck(this.exerciseId, saved);
      this.showReport(saved, record);
      // Measured when the page lays out the verdicts anyway (a frame), not forced here.
      requestAnimationFrame(() => this.bringVerdictsIntoView(saved.passed));
      // What the checked program printed, sent and stored, where its Run would show it: in
      // tasks of its own, after the verdicts had their frame.
      // The next Check's worker loads after that: loading, it would slow the drawing down.
      void nextTask()
        .then(() => playground.showRun(report.run))
        .finally(checkShown);
      if (report.run.error) void this.explainRunError(report.run, source);
    } catch (error) {
      for (const item of this.checkItems()) this.setCheckState(item, 'pending');
      this.dataset.result = 'error';
      this.piece('tally').textContent = `${plural(exercise.checks.length, 'check', 'checks')}, not run`;
      this.setStatus(`The checks could not run (${error instanceof Error ? error.message : 'unknown error'}). Check your connection and press Check again.`);
      checkShown();
    } finally {
      this.busy = false;
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
    }
  }

  /**
   * After a Check, the verdicts where the learner looks: on a phone they sit a screen or two
   * below the Check button, and nothing but the button's spinner would change in view. Only
   * when their start is below the viewport (a learner who scrolled past them stays put);
   * focus stays on Check, the status line says the outcome to a screen reader.
   */
  private bringVerdictsIntoView(passed: boolean): void {
    const target = passed ? this.piece('success') : (this.piece('checks').closest<HTMLElement>('section') ?? this.piece('checks'));
    if (target.getBoundingClientRect().top < innerHeight - 80) return;
    target.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  private checkItems(): HTMLElement[] {
    return [...this.piece('checks').querySelectorAll<HTMLElement>(':scope > [data-check]')];
  }

  private setCheckState(item: HTMLElement, state: CheckState): void {
    item.dataset.state = state;
    const label = item.querySelector('.ex-check__state');
    if (label) {
      const hidden = el('span', 'visually-hidden', ':');
      label.replaceChildren(STATE_TEXT[state], hidden);
    }
    if (state === 'pending' || state === 'running') {
      const detail = item.querySelector<HTMLElement>('[data-part="detail"]');
      if (detail) {
        detail.hidden = true;
        detail.replaceChildren();
      }
    }
  }

  /** Shows verdicts on the checks in the list (by id; a check with none stays "Not run") and the run's error. */
  private showVerdicts(verdicts: SavedVerdicts): { passing: number; unjudged: number; total: number } {
    const byId = new Map(verdicts.checks.map((result) => [result.id, result]));
    let passing = 0;
    let unjudged = 0;
    const items = this.checkItems();
    for (const item of items) {
      const result = byId.get(item.dataset.check ?? '');
      if (!result) {
        this.setCheckState(item, 'pending');
        continue;
      }
      if (result.passed) passing += 1;
      else if (result.notJudged) unjudged += 1;
      this.setCheckState(item, result.passed ? 'passed' : result.notJudged ? 'unjudged' : 'failed');
      this.renderDetail(item, result);
    }
    this.renderRunError(verdicts.runError);
    this.piece('tally').textContent = `${passing} of ${items.length} passed`;
    return { passing, unjudged, total: items.length };
  }

  private showReport(verdicts: SavedVerdicts, record: ExerciseRecord): void {
    const { passing, unjudged, total } = this.showVerdicts(verdicts);
    this.dataset.verdicts = 'fresh';
    if (verdicts.passed) {
      this.dataset.result = 'passed';
      const success = this.piece('success');
      const withSolution = record.usingSolution === true;
      if (withSolution && record.status === 'solved-with-solution') {
        this.piece('success-title').textContent = 'All checks pass, with the solution.';
        this.piece('success-text').textContent =
          'The course outline marks this exercise as solved with the solution. To count it as solved on your own, press Reset and write the program yourself.';
        this.setStatus(`All ${total} checks pass with the solution's program. Exercise solved with the solution.`);
      } else if (withSolution) {
        this.piece('success-title').textContent = 'All checks pass.';
        this.piece('success-text').textContent = 'You solved this exercise on your own before, so it stays marked as solved.';
        this.setStatus(`All ${total} checks pass.`);
      } else {
        this.piece('success-title').textContent = 'All checks pass. Exercise solved!';
        this.piece('success-text').textContent = 'Your program is saved in this browser, and the course outline marks this exercise as solved.';
        this.setStatus(`All ${total} checks pass. Exercise solved!`);
      }
      success.hidden = false;
    } else {
      this.dataset.result = 'failed';
      const failing = total - passing - unjudged;
      const waiting = unjudged ? ` ${plural(unjudged, 'check is', 'checks are')} not judged until the program runs to its end.` : '';
      this.setStatus(
        `${passing} of ${total} checks pass; ${plural(failing, 'check fails', 'checks fail')}.${waiting} ` +
          'Each failed check in the list says what to change. Fix your program and press Check again.',
      );
    }
  }

  /** The program changed after its Check: the verdicts stay (they still guide), dimmed and said to be about the program before. */
  private markVerdictsOutdated(): void {
    if (this.dataset.verdicts !== 'fresh' || this.piece('check').hasAttribute('aria-busy')) return;
    this.dataset.verdicts = 'outdated';
    this.setStatus('You have changed your program since this Check: the checks below are about the program before. Press Check to test this one.');
  }

  /** After a reload: the last Check's verdicts, as they were, said to be from then. */
  private restoreVerdicts(verdicts: SavedVerdicts, record: ExerciseRecord): void {
    const { passing, total } = this.showVerdicts(verdicts);
    this.dataset.result = verdicts.passed ? 'passed' : 'failed';
    this.dataset.verdicts = 'restored';
    const outcome = passing === total ? `all ${total} checks passed` : `${passing} of ${total} checks passed`;
    const solved =
      record.status === 'solved-with-solution' ? ' You solved it with the solution.' : record.status === 'solved' ? ' You solved this exercise.' : '';
    const summary = `Your last Check, ${when(verdicts.at)}: ${outcome}.${solved}`;
    this.setStatus(summary);
    // Whether the program changed since is known once the playground is ready.
    void this.playground().then(
      (playground) => {
        if (this.dataset.verdicts !== 'restored') return;
        if (sourceHash(playground.getCode()) !== verdicts.source)
          this.setStatus(`${summary} You have edited your program since: press Check to test it again.`);
      },
      () => undefined,
    );
  }

  private renderDetail(item: HTMLElement, result: SavedCheck): void {
    const detail = item.querySelector<HTMLElement>('[data-part="detail"]');
    if (!detail) return;
    const children: HTMLElement[] = [];
    // A passing check's message only repeats its title; a failing one says what to change.
    if (!result.passed && result.message) children.push(el('p', 'ex-check__message', result.message));
    if (!result.passed && (result.expected !== undefined || result.found !== undefined)) {
      const list = el('dl', 'ex-check__compare');
      const add = (term: string, value: string | undefined) => {
        if (value === undefined) return;
        const dd = el('dd');
        const pre = el('pre');
        pre.append(el('code', undefined, value));
        dd.append(pre);
        list.append(el('dt', undefined, term), dd);
      };
      add('Expected', result.expected);
      add('Found', result.found);
      children.push(list);
    }
    detail.replaceChildren(...children);
    detail.hidden = children.length === 0;
  }

  private renderRunError(error: SavedRunError | undefined): void {
    const list = this.piece('checks');
    let box = this.optionalPiece<HTMLElement>('run-error');
    if (!error) {
      box?.remove();
      return;
    }
    if (!box) {
      box = el('div', 'ex__run-error');
      box.dataset.part = 'run-error';
      list.insertAdjacentElement('beforebegin', box);
    }
    const where = error.line !== undefined ? ` on line ${error.line}` : '';
    const stopped = error.kind === 'timeout' || error.kind === 'memory';
    const head =
      error.kind === 'timeout'
        ? 'Your program ran too long and was stopped.'
        : error.kind === 'memory'
          ? 'Your program used too much memory and was stopped.'
          : `Your program stopped with an error${where}:`;
    const message = el('p', 'ex__run-error-message');
    if (!stopped) message.append(el('strong', undefined, `${error.name}: `), error.message);
    else message.textContent = error.message;
    box.replaceChildren(el('p', 'ex__run-error-head', head), message, el('p', 'ex__run-error-tip', 'Press Run to see the whole output in the Console tab.'));
  }

  /**
   * The common mistake behind the error that stopped the checked program (a missing await,
   * a misspelt accessor...), under the error itself: what happened and where to read more,
   * as the Console says it, where the learner is looking after a Check.
   */
  private async explainRunError(run: GradeReport['run'], source: string): Promise<void> {
    const { explainRun } = await import('../../explain/mistakes');
    const explanations = explainRun(run, source);
    const explanation = explanations.find((candidate) => candidate.line === run.error?.location?.line) ?? explanations[0];
    const box = this.optionalPiece<HTMLElement>('run-error');
    if (!explanation || !box) return;
    const link = el('a', undefined, explanation.learnMore.label);
    link.setAttribute('href', explanation.learnMore.href);
    const why = el('p', 'ex__run-error-why');
    why.dataset.part = 'run-error-why';
    why.append(el('strong', undefined, `${explanation.title}. `), `${explanation.what} `, 'Read more: ', link, '.');
    box.querySelector('.ex__run-error-message')?.after(why);
  }

  /* Hints */

  private revealHint(): void {
    const button = this.optionalPiece<HTMLButtonElement>('hint');
    const items = [...this.querySelectorAll<HTMLElement>('[data-part="hint-item"]')];
    const next = items.find((item) => item.hidden);
    if (!button || !next) return;
    this.piece('hints').hidden = false;
    next.hidden = false;
    const shown = items.filter((item) => !item.hidden).length;
    if (shown === items.length) {
      button.disabled = true;
      this.piece('hint-note').hidden = false;
    }
    this.noteWorkingOn();
    // Focus moves to the hint (a screen reader reads it), and it is scrolled into view.
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  /* Solution */

  private async showSolution(): Promise<void> {
    const exercise = this.exercise;
    if (!exercise) return;
    const panel = this.piece('solution-panel');
    const button = this.piece<HTMLButtonElement>('solution');
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    this.dataset.solution = 'shown';
    this.noteWorkingOn();
    // The panel follows the checks: bring it (heading, buttons and diff) into view, focus on its heading.
    panel.querySelector<HTMLElement>('h4')?.focus({ preventScroll: true });
    panel.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    const seq = ++this.diffSeq;
    const container = this.piece('diff');
    container.setAttribute('aria-busy', 'true');
    try {
      const playground = await this.playground();
      const yours = playground.getCode();
      const { createDiffView } = await import('../../editor');
      if (seq !== this.diffSeq || panel.hidden) return;
      this.diff?.dispose();
      container.replaceChildren();
      this.diff = await createDiffView(container, yours, exercise.solution, {
        ariaLabel: 'Your program (left) compared with the solution (right), read-only',
      });
      if (seq !== this.diffSeq || panel.hidden) {
        this.diff.dispose();
        this.diff = undefined;
        return;
      }
      this.dataset.diff = 'ready';
    } catch (error) {
      const note = el(
        'p',
        'ex__diff-loading',
        `The comparison could not load (${error instanceof Error ? error.message : 'network error'}). The solution is below as plain text.`,
      );
      container.replaceChildren(note);
      const details = panel.querySelector('details');
      if (details) details.open = true;
    } finally {
      if (seq === this.diffSeq) container.removeAttribute('aria-busy');
    }
  }

  private hideSolution(returnFocus = false): void {
    this.diffSeq += 1;
    this.diff?.dispose();
    this.diff = undefined;
    delete this.dataset.diff;
    delete this.dataset.solution;
    const container = this.piece('diff');
    container.replaceChildren(el('p', 'ex__diff-loading', 'Loading the comparison…'));
    this.piece('solution-panel').hidden = true;
    const button = this.piece<HTMLButtonElement>('solution');
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  }

  private async useSolution(): Promise<void> {
    const exercise = this.exercise;
    if (!exercise) return;
    const sure = window.confirm('Replace your program with the solution? Your own code in this exercise will be lost.');
    if (!sure) return;
    const playground = await this.playground();
    playground.setCode(exercise.solution);
    progress.setUsingSolution(this.exerciseId, true);
    this.hideSolution();
    this.setStatus('The solution is now in the editor. Read it through, then press Check: it counts as solved with the solution.');
    this.piece<HTMLButtonElement>('check').focus();
  }
}

if (!customElements.get('assoclab-exercise')) customElements.define('assoclab-exercise', ExerciseElement);

declare global {
  interface HTMLElementTagNameMap {
    'assoclab-exercise': ExerciseElement;
  }
}
