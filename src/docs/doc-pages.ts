/**
 * The guides in docs/ that the site renders as pages for instructors, and the rehype plugin
 * that makes a guide's links to another guide work on the site as they do on GitHub:
 * `grading.md#exit-codes` (or `docs/grading.md`, `./grading.md`) becomes
 * `/instructors/grading/#exit-codes`. A relative link to anything else of the repository
 * (`../src/schemas/assignment.ts`, `classroom-template/`) has no page on the site: it is kept
 * as its text. Only files in docs/ are touched (lessons keep their links as written).
 */

export const DOC_PAGES = {
  'assignments.md': '/instructors/assignments/',
  'grading.md': '/instructors/grading/',
  'writing-lessons.md': '/instructors/writing-exercises/',
} as const satisfies Record<string, string>;

/** Where a link in a guide leads on the site: a page's URL, `undefined` to keep it, or `null` for no link (a repository file or folder). */
export function siteHref(href: string): string | null | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return undefined;
  const doc = /^(?:\.{1,2}\/)*(?:docs\/)?([A-Za-z0-9_-]+\.md)(#.*)?$/.exec(href);
  const page = doc ? DOC_PAGES[doc[1] as keyof typeof DOC_PAGES] : undefined;
  return page ? `${page}${doc?.[2] ?? ''}` : null;
}

/** True for a file of docs/ (the path the markdown pipeline gives it). */
export function isGuide(path: string | undefined): boolean {
  return path !== undefined && /(^|[\\/])docs[\\/][^\\/]+\.md$/.test(path);
}

/** The part of a HAST node the site's rehype plugins read and write (hast's types are not a dependency of the site). */
export interface HastNode {
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

/** The rehype plugin (astro.config.mjs: markdown.rehypePlugins): rewrites the links of the guides in docs/ only. */
export function rehypeDocLinks(): (tree: HastNode, file?: { path?: string | undefined }) => void {
  return (tree, file) => {
    if (isGuide(file?.path)) rewrite(tree);
  };
}
