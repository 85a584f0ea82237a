import { describe, expect, it } from 'vitest';
import { isGuide, rehypeDocLinks, siteHref } from './doc-pages';

describe('links between the guides, on the site', () => {
  it('leads a link to a guide to its page, anchor kept', () => {
    expect(siteHref('grading.md')).toBe('/instructors/grading/');
    expect(siteHref('./docs/writing-lessons.md#check-kinds')).toBe('/instructors/writing-exercises/#check-kinds');
    expect(siteHref('../docs/assignments.md')).toBe('/instructors/assignments/');
  });

  it('keeps the site’s own and outside links, and drops links to repository files and folders', () => {
    for (const href of ['/assign/', '#formats', 'https://sequelize.org/docs/v6/', 'mailto:a@b.c']) expect(siteHref(href)).toBeUndefined();
    for (const href of ['../README.md', '../src/schemas/assignment.ts', 'classroom-template/']) expect(siteHref(href)).toBeNull();
  });

  it('touches the guides in docs/ only', () => {
    expect(isGuide('/work/site/docs/grading.md')).toBe(true);
    expect(isGuide('C:\\site\\docs\\grading.md')).toBe(true);
    expect(isGuide('/work/site/lessons/01-basics/01-has-many-belongs-to/index.mdx')).toBe(false);
    expect(isGuide(undefined)).toBe(false);
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href: '../other/' }, children: [] }] };
    rehypeDocLinks()(tree, { path: '/work/site/lessons/01-basics/01-x/index.mdx' });
    expect(tree.children[0]?.properties.href).toBe('../other/');
  });

  it('rewrites the tree: a link to a repository file becomes its text', () => {
    const link = (href: string, text: string) => ({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: text }] });
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', children: [link('grading.md', 'Grading'), link('x.ts', 'the schema')] }] };
    rehypeDocLinks()(tree, { path: '/work/site/docs/assignments.md' });
    expect(tree.children[0]?.children).toEqual([link('/instructors/grading/', 'Grading'), { type: 'text', value: 'the schema' }]);
  });
});
