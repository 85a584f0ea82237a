/**
 * <assoclab-exercise>: the controls around an exercise's playground.
 *
 * - Check: grades the program in the editor through the runtime client's check runner (the learner's program and
 *   the reference solution each in a fresh worker, verdicts computed on the page) and shows
 *   every check's state, message and expected/found. All green marks the exercise done.
 * - Hint: reveals the next hint; disabled, with a note, once all are shown.
 * - Show solution: the solution beside the learner's program as a read-only Monaco diff;
 *   "Use this solution" copies it into the editor, after a confirmation.
 *
 * The check runner and the editor are imported on first use, so the page's initial script
 * stays small (and never contains Sequelize: that lives in the workers only).
 */
import type { DiffView } from '../../editor';
import type { Exercise } from '../../schemas/exercise';
import type { CheckResult } from '../../checks/types';
import type { GradeReport } from '../../checks/grade';
import type { PlaygroundElement } from '../playground/element';
import { isExerciseDone, markExerciseDone } from '../progress';
import { readPayload } from './payload';

type CheckState = 'pending' | 'running' | 'passed' | 'failed';

const STATE_TEXT: Record<CheckState, string> = {
  pending: 'Not run',
  running: 'Checking',
  passed: 'Passed',
  failed: 'Failed',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
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

    if (isExerciseDone(this.exerciseId)) {
      this.showDone();
      this.setStatus('You have solved this exercise. Press Check to test your program again.');
    }
    window.addEventListener('assoclab:progress', (event) => {
      if (event.detail.kind === 'exercise-done' && event.detail.id === this.exerciseId) this.showDone();
    });
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

  private showDone(): void {
    this.dataset.state = 'done';
    this.piece('badge').hidden = false;
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
    this.piece('success').hidden = true;
    this.setStatus('Checking… your program and the reference solution run in fresh SQLite databases.');
    for (const item of this.checkItems()) this.setCheckState(item, 'running');
    this.piece('tally').textContent = `Checking ${plural(exercise.checks.length, 'check', 'checks')}…`;
    try {
      const playground = await this.playground();
      const source = playground.getCode();
      const [{ gradeProgram }, { createCheckRunner }, { startBrowserWorker }] = await Promise.all([
        import('../../checks/grade'),
        import('../../runtime/protocol/check-runner'),
        import('../../runtime/worker/launch'),
      ]);
      const report = await gradeProgram(exercise, source, createCheckRunner({ createWorker: startBrowserWorker }));
      this.showReport(report);
      // What the checked program printed, sent and stored, where its Run would show it.
      void playground.showRun(report.run);
    } catch (error) {
      for (const item of this.checkItems()) this.setCheckState(item, 'pending');
      this.dataset.result = 'error';
      this.piece('tally').textContent = `${plural(exercise.checks.length, 'check', 'checks')}, not run`;
      this.setStatus(`The checks could not run (${error instanceof Error ? error.message : 'unknown error'}). Check your connection and press Check again.`);
    } finally {
      this.busy = false;
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
    }
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

  private showReport(report: GradeReport): void {
    const byId = new Map(report.checks.map((result) => [result.id, result]));
    for (const item of this.checkItems()) {
      const result = byId.get(item.dataset.check ?? '');
      if (!result) {
        this.setCheckState(item, 'pending');
        continue;
      }
      this.setCheckState(item, result.passed ? 'passed' : 'failed');
      this.renderDetail(item, result);
    }
    this.renderRunError(report);

    const total = report.checks.length;
    const passing = report.checks.filter((result) => result.passed).length;
    this.piece('tally').textContent = `${passing} of ${total} passed`;
    if (report.passed) {
      this.dataset.result = 'passed';
      markExerciseDone(this.exerciseId);
      this.showDone();
      this.piece('success').hidden = false;
      this.setStatus(`All ${total} checks pass. Exercise done!`);
    } else {
      this.dataset.result = 'failed';
      const failing = total - passing;
      this.setStatus(
        `${passing} of ${total} checks pass; ${plural(failing, 'check fails', 'checks fail')}. ` +
          'Each failed check in the list says what to change. Fix your program and press Check again.',
      );
    }
  }

  private renderDetail(item: HTMLElement, result: CheckResult): void {
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

  private renderRunError(report: GradeReport): void {
    const list = this.piece('checks');
    let box = this.optionalPiece<HTMLElement>('run-error');
    const error = report.run.error;
    if (!error) {
      box?.remove();
      return;
    }
    if (!box) {
      box = el('div', 'ex__run-error');
      box.dataset.part = 'run-error';
      list.insertAdjacentElement('beforebegin', box);
    }
    const where = error.location ? ` on line ${error.location.line}` : '';
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
    next.focus();
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
    this.piece('solution-panel').querySelector<HTMLElement>('h4')?.focus();
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
    this.hideSolution();
    this.setStatus('The solution is now in the editor. Read it through, then press Check.');
    this.piece<HTMLButtonElement>('check').focus();
  }
}

if (!customElements.get('assoclab-exercise')) customElements.define('assoclab-exercise', ExerciseElement);

declare global {
  interface HTMLElementTagNameMap {
    'assoclab-exercise': ExerciseElement;
  }
}
