import { describe, expect, it } from 'vitest';
import { rehypeDocLinks, siteHref } from './doc-pages';

describe('links between the guides, on the site', () => {
  it('leads a link to a guide to its page, anchor kept', () => {
    expect(siteHref('grading.md')).toBe('/instructors/grading/');
    expect(siteHref('./docs/writing-lessons.md#check-kinds')).toBe('/instructors/writing-exercises/#check-kinds');
    expect(siteHref('../docs/assignments.md')).toBe('/instructors/assignments/');
  });

  it('keeps the site’s own and outside links, and drops links to repository files', () => {
    for (const href of ['/assign/', '#formats', 'https://sequelize.org/docs/v6/', 'mailto:a@b.c', '../lessons/']) expect(siteHref(href)).toBeUndefined();
    expect(siteHref('../README.md')).toBeNull();
    expect(siteHref('../src/schemas/assignment.ts')).toBeNull();
  });

  it('rewrites the tree: a link to a repository file becomes its text', () => {
    const link = (href: string, text: string) => ({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: text }] });
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', children: [link('grading.md', 'Grading'), link('x.ts', 'the schema')] }] };
    rehypeDocLinks()(tree);
    expect(tree.children[0]?.children).toEqual([link('/instructors/grading/', 'Grading'), { type: 'text', value: 'the schema' }]);
  });
});
