/**
 * The learner's assignment page in the browser (src/pages/assignment.astro): reads the
 * assignment from the link's fragment, lists its exercises with the learner's state on each
 * (progress.ts, and the program saved for it), asks the learner's name once, and downloads
 * the submission: name, assignment, the saved program per exercise, no verdict.
 */
import type { Assignment } from '../../schemas/assignment';
import { maxPoints } from '../../schemas/assignment';
import { ContentValidationError } from '../../schemas/parse';
import type { CatalogueEntry } from '../../course/catalogue';
import { onProgressChange, progress } from '../progress';
import { loadCode } from '../playground/storage';
import { readCatalogue } from './catalogue-data';
import { dueText } from './due';
import { assignedExerciseView, STATE_TEXT } from './exercise-state';
import { downloadJson } from './files';
import { readAssignmentHash } from './link';
import { assignmentContext, learnerName } from './storage';
import { buildSubmission, submissionFileName } from './submission';

const SITE = 'Associations Lab';
/** Where the exercise's playground keeps the learner's program (Exercise.astro: `exercise-<id>`). */
const savedProgram = (id: string): string | undefined => loadCode(`exercise-${id}`);

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function startAssignmentPage(doc: Document = document): void {
  const found = doc.querySelector<HTMLElement>('[data-assignment-page]');
  if (!found) return;
  const root: HTMLElement = found;
  const part = <T extends HTMLElement>(name: string): T => {
    const found = root.querySelector<T>(`[data-part="${name}"]`);
    if (!found) throw new Error(`The assignment page is missing its ${name} part.`);
    return found;
  };
  const catalogue = new Map<string, CatalogueEntry>(readCatalogue(doc).map((entry) => [entry.id, entry]));
  const nameInput = part<HTMLInputElement>('name-form').querySelector<HTMLInputElement>('#learner-name');
  let assignment: Assignment | undefined;

  function showProblem(text: string, problems: string[]): void {
    assignment = undefined;
    root.dataset.state = 'problem';
    part('title').textContent = 'This assignment link does not work';
    doc.title = `Assignment link not working · ${SITE}`;
    part('problem-text').textContent = text;
    part('problem-list').replaceChildren(...problems.map((problem) => el(doc, 'li', undefined, problem)));
    part('problem').hidden = false;
    part('body').hidden = true;
  }

  function load(): void {
    const reading = readAssignmentHash(location.hash);
    if (reading.kind === 'missing') {
      showProblem(
        'This page shows an assignment from the link your instructor gave you, and this link has none in it. Open the whole link: it ends with “#a=” and a long code.',
        [],
      );
      return;
    }
    if (reading.kind === 'damaged') {
      showProblem(reading.message, reading.problems);
      return;
    }
    assignment = reading.assignment;
    root.dataset.state = 'ready';
    part('problem').hidden = true;
    part('body').hidden = false;
    part('title').textContent = assignment.title;
    doc.title = `${assignment.title} · Assignment · ${SITE}`;
    const due = assignment.due === undefined ? undefined : dueText(assignment.due);
    const dueLine = part('due');
    dueLine.textContent = due === undefined ? '' : due.past ? `Past due: it was due ${due.date} (${due.relative}).` : `Due ${due.date} (${due.relative}).`;
    dueLine.toggleAttribute('data-past', due?.past === true);
    renderName();
    renderExercises();
  }

  function renderExercises(): void {
    if (!assignment) return;
    let solved = 0;
    const missingCode: string[] = [];
    const items = assignment.exercises.map(({ id, points }, index) => {
      const entry = catalogue.get(id);
      const view = assignedExerciseView(progress.exercise(id), savedProgram(id));
      if (view.state === 'solved' || view.state === 'solved-with-solution') solved += 1;
      if (!view.hasCode) missingCode.push(entry?.title ?? id);

      const item = el(doc, 'li', 'assigned__item');
      item.dataset.exercise = id;
      item.dataset.state = view.state;
      item.append(el(doc, 'span', 'assigned__number', `${index + 1}.`));
      const main = el(doc, 'div', 'assigned__main');
      if (entry) {
        const link = el(doc, 'a', 'assigned__title', entry.title);
        link.href = entry.url;
        main.append(link, el(doc, 'p', 'assigned__meta', `Lesson: ${entry.lessonTitle} · ${plural(points, 'point', 'points')}`));
      } else {
        main.append(
          el(doc, 'span', 'assigned__title', id),
          el(
            doc,
            'p',
            'assigned__meta',
            `${plural(points, 'point', 'points')} · This site has no exercise “${id}” (it may have been renamed): tell your instructor.`,
          ),
        );
      }
      const note =
        view.editedSinceCheck && view.state !== 'not-started'
          ? 'Edited since your last Check: press Check again to see how the grader will judge it.'
          : (view.state === 'solved' || view.state === 'solved-with-solution') && !view.hasCode
            ? 'No program of yours is saved for it in this browser (Reset brings back the starter), so it is not in your submission.'
            : undefined;
      if (note) main.append(el(doc, 'p', 'assigned__note', note));
      item.append(main, el(doc, 'span', 'assigned__state', STATE_TEXT[view.state]));
      return item;
    });
    part('exercises').replaceChildren(...items);

    const total = assignment.exercises.length;
    part('totals').textContent =
      `${plural(total, 'exercise', 'exercises')} · ${plural(maxPoints(assignment), 'point', 'points')} · ${solved} of ${total} solved`;
    const omitted = part('omitted');
    omitted.hidden = missingCode.length === 0;
    omitted.textContent =
      missingCode.length === total
        ? 'You have not written a program for any of these exercises yet: your submission would hold none.'
        : `No program of yours is saved for ${missingCode.map((title) => `“${title}”`).join(', ')}: ${missingCode.length === 1 ? 'it is' : 'they are'} left out of your submission.`;
  }

  function renderName(): void {
    const name = learnerName.get();
    const editing = name === '' || part('name-form').dataset.editing === 'true';
    part('name-form').hidden = !editing;
    part('name-shown').hidden = editing;
    part('name').textContent = name;
  }

  function nameError(text: string): void {
    const error = part('name-error');
    error.textContent = text;
    error.hidden = text === '';
    if (text) nameInput?.setAttribute('aria-invalid', 'true');
    else nameInput?.removeAttribute('aria-invalid');
  }

  function setStatus(text: string, tone: 'ok' | 'bad' | '' = ''): void {
    const status = part('status');
    status.textContent = text;
    if (tone) status.dataset.tone = tone;
    else delete status.dataset.tone;
  }

  part('name-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput?.value.trim() ?? '';
    if (name === '') {
      nameError('Enter your name: your instructor needs it to know whose work this is.');
      nameInput?.focus();
      return;
    }
    learnerName.set(name);
    nameError('');
    delete part('name-form').dataset.editing;
    renderName();
    setStatus('');
    part('change-name').focus();
  });
  part('change-name').addEventListener('click', () => {
    part('name-form').dataset.editing = 'true';
    if (nameInput) nameInput.value = learnerName.get();
    renderName();
    nameInput?.focus();
  });

  part('download').addEventListener('click', () => {
    if (!assignment) return;
    const name = learnerName.get();
    if (name === '') {
      part('name-form').dataset.editing = 'true';
      renderName();
      nameError('Enter your name first, then press Download submission again.');
      setStatus('Your name is missing: it is asked above.', 'bad');
      nameInput?.focus();
      return;
    }
    try {
      const submission = buildSubmission({ assignment, name, codeOf: savedProgram });
      const file = submissionFileName(name, assignment);
      downloadJson(file, submission);
      setStatus(`Downloaded ${file}. Send it to your instructor.`, 'ok');
    } catch (error) {
      const detail = error instanceof ContentValidationError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
      setStatus(`The submission could not be made: ${detail}`, 'bad');
    }
  });

  // Opening an exercise from here (in this tab, or a new one: it copies this tab's session):
  // its lesson page offers the way back (lesson-banner.ts).
  const noteContext = (event: MouseEvent) => {
    if (assignment && event.target instanceof Element && event.target.closest('a[href]')) {
      assignmentContext.set(assignment, `${location.pathname}${location.hash}`);
    }
  };
  part('exercises').addEventListener('click', noteContext);
  part('exercises').addEventListener('auxclick', noteContext);

  window.addEventListener('hashchange', load);
  // Progress here, in another tab, or on a return through the back button (a page from the cache).
  onProgressChange(renderExercises);
  load();
}
