/**
 * On a lesson page, above each exercise of the assignment the learner came from (in this
 * tab): "Part of the assignment “…” · Back to the assignment".
 */
import { assignmentContext } from './storage';

export function showAssignmentBanners(doc: Document = document): void {
  const context = assignmentContext.get();
  if (!context) return;
  for (const exercise of doc.querySelectorAll<HTMLElement>('assoclab-exercise[data-exercise-id]')) {
    if (!context.exercises.includes(exercise.dataset.exerciseId ?? '') || exercise.querySelector('.ex-assignment')) continue;
    const banner = doc.createElement('p');
    banner.className = 'ex-assignment';
    const label = doc.createElement('span');
    label.textContent = `Part of the assignment “${context.title}”`;
    const back = doc.createElement('a');
    back.href = context.href;
    back.textContent = 'Back to the assignment';
    banner.append(label, back);
    exercise.prepend(banner);
  }
}
