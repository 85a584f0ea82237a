/** The Assign page's catalogue filters: by topic and by difficulty ('' = any). */
import type { CatalogueEntry } from '../../course/catalogue';

export interface CatalogueFilter {
  topic: string;
  difficulty: string;
}

export function matchesFilter(entry: Pick<CatalogueEntry, 'topic' | 'difficulty'>, filter: CatalogueFilter): boolean {
  return (filter.topic === '' || entry.topic === filter.topic) && (filter.difficulty === '' || String(entry.difficulty) === filter.difficulty);
}

/** "Showing 4 of 22 exercises" (or "Showing all 22 exercises"). */
export function describeShown(shown: number, total: number): string {
  const noun = total === 1 ? 'exercise' : 'exercises';
  return shown === total ? `Showing all ${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`;
}
