/**
 * Site search helpers, kept apart from the <site-search> element so Node tests can run them:
 * the queries to send to Pagefind, the section a result should open, and the `/` shortcut's
 * "is the learner typing?" test.
 */

/**
 * The queries to try, in order. Pagefind indexes a word like "N+1" or "user.getPosts()" with its
 * punctuation removed ("n1", "usergetposts"), but splits such a word of a query at the
 * punctuation, and drops the one-letter pieces: "N+1" alone finds nothing. So a query with such
 * words is tried joined first ("n1"), then as typed.
 */
export function searchQueries(query: string): string[] {
  const typed = query.trim().replace(/\s+/g, ' ');
  if (!typed) return [];
  const joined = typed
    .split(' ')
    .map((word) => {
      // Punctuation around a word ("(N+1)", "getPosts()") is not part of it; inside it ("N+1"), the word is joined.
      const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      return /[^\p{L}\p{N}]/u.test(core) ? core.replace(/[^\p{L}\p{N}]+/gu, '') : word;
    })
    .join(' ');
  return joined === typed ? [typed] : [joined, typed];
}

/** A Pagefind sub-result: a section of a page (under a heading with an id). */
export interface SearchSection {
  title: string;
  url: string;
  excerpt: string;
  /** Where the query matched in this section (word positions). */
  locations?: number[];
}

/**
 * The sections to offer for a page, best first: those where the query matched, most matches
 * first (page order among equals), at most `limit`. A section that is the page itself (its URL
 * has no #anchor) is left out: the page's own link is already there.
 */
export function bestSections(sections: readonly SearchSection[], limit = 3): SearchSection[] {
  return sections
    .map((section, index) => ({ section, index, hits: section.locations?.length ?? 0 }))
    .filter(({ section, hits }) => hits > 0 && section.url.includes('#'))
    .sort((a, b) => b.hits - a.hits || a.index - b.index)
    .slice(0, limit)
    .map(({ section }) => section);
}

/** True when a key press goes to something the learner types in: then `/` is a character, not the search shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<Element>).closest !== 'function') return false;
  const element = target as Element;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor') !== null;
}
