/**
 * The guides in docs/ that the site renders as pages for instructors, and the rehype plugin
 * that makes a guide's links to another guide work on the site as they do on GitHub:
 * `grading.md#exit-codes` (or `docs/grading.md`, `./grading.md`) becomes
 * `/instructors/grading/#exit-codes`. A relative link to any other file of the repository
 * (`../src/schemas/assignment.ts`) has no page on the site: it is kept as its text.
 */

export const DOC_PAGES = {
  'assignments.md': '/instructors/assignments/',
  'grading.md': '/instructors/grading/',
  'writing-lessons.md': '/instructors/writing-exercises/',
} as const satisfies Record<string, string>;

/** Where a link in a guide leads on the site: a page's URL, `undefined` to keep it, or `null` for no link (a repository file). */
export function siteHref(href: string): string | null | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return undefined;
  const doc = /^(?:\.{1,2}\/)*(?:docs\/)?([A-Za-z0-9_-]+\.md)(#.*)?$/.exec(href);
  const page = doc ? DOC_PAGES[doc[1] as keyof typeof DOC_PAGES] : undefined;
  if (page) return `${page}${doc?.[2] ?? ''}`;
  // A relative path to a file (it has an extension): a file of the repository, not a page.
  return /^[^#?]*\.[A-Za-z0-9]+(?:[#?].*)?$/.test(href) ? null : undefined;
}

/** The part of a HAST node this plugin reads (hast's types are not a dependency of the site). */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function rewrite(node: HastNode): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    rewrite(child);
    const href = child.type === 'element' && child.tagName === 'a' ? child.properties?.href : undefined;
    if (typeof href !== 'string') return [child];
    const target = siteHref(href);
    if (target === undefined) return [child];
    if (target === null) return child.children ?? [];
    child.properties = { ...child.properties, href: target };
    return [child];
  });
}

/** The rehype plugin (astro.config.mjs: markdown.rehypePlugins). */
export function rehypeDocLinks(): (tree: HastNode) => void {
  return rewrite;
}
