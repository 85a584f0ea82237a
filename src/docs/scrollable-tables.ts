/**
 * The rehype plugin (astro.config.mjs: markdown.rehypePlugins) that puts every table of a
 * lesson or guide in a region that scrolls sideways on its own: a wide table (the accessor
 * methods of each association) then never makes a phone's whole page scroll. The region is
 * focusable and named, so it scrolls from the keyboard too.
 */
import type { HastNode } from './doc-pages';

function wrapTables(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  children.forEach((child, index) => {
    if (child.type === 'element' && child.tagName === 'table') {
      children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table (scrolls sideways)' },
        children: [child],
      };
    } else wrapTables(child);
  });
}

export function rehypeScrollableTables(): (tree: HastNode) => void {
  return (tree) => wrapTables(tree);
}
