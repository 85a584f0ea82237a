/**
 * The mistakes explainer, one row per mistake (tests/fixtures/mistakes.ts): each program
 * runs in a Node worker thread exactly as `assoclab run` runs it, and its result must get
 * the explanation, at the right line, with a link to a section that exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { afterAll, describe, expect, it } from 'vitest';
import { explainRun, READ_MORE } from '../src/explain/mistakes';
import { createNodeRuntimeClient } from '../src/runtime/node/node-client';
import { MISTAKES } from './fixtures/mistakes';

const client = createNodeRuntimeClient({ timeBudgetMs: 5_000 });
afterAll(() => client.dispose());

describe.each(MISTAKES.map((mistake) => [mistake.name, mistake] as const))('%s', (_name, mistake) => {
  it('is explained: what happened, why, where, and where to read more', async () => {
    const result = await client.run(mistake.source);
    const explanations = explainRun(result, mistake.source);
    const explanation = explanations.find((candidate) => candidate.id === mistake.id);
    expect(explanation, `explanations: ${JSON.stringify(explanations)}; error: ${JSON.stringify(result.error)}`).toBeDefined();
    expect(explanation?.what).toMatch(mistake.says);
    expect(explanation?.why.length).toBeGreaterThan(40);
    expect(explanation?.line).toBe(mistake.line);
  });
});

it.each(['fixtures/sample-program.js', '../lessons/02-keys-and-names/02-aliases/_author-and-editor.js'])(
  'explains nothing in a program that works: %s',
  async (file) => {
    const source = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
    expect(explainRun(await client.run(source), source)).toEqual([]);
  },
);

it('links each explanation to a section of the course that exists', () => {
  // A lesson's address is its folder's path without the ordering prefixes: lessons/01-basics/02-has-one -> /lessons/basics/has-one/.
  const lessonFile = (href: string): URL => {
    const [part, lesson] = href.split('#')[0]!.split('/').filter(Boolean).slice(1);
    const lessons = new URL('../lessons/', import.meta.url);
    const partDir = readdirSync(lessons).find((name) => name.replace(/^\d+-/, '') === part);
    const lessonDir = partDir && readdirSync(new URL(`${partDir}/`, lessons)).find((name) => name.replace(/^\d+-/, '') === lesson);
    expect(lessonDir, href).toBeDefined();
    return new URL(`${partDir}/${lessonDir}/index.mdx`, lessons);
  };
  const internal = Object.values(READ_MORE).filter((entry) => entry.href.startsWith('/'));
  expect(internal.length).toBeGreaterThan(5);
  for (const link of internal) {
    const lesson = readFileSync(fileURLToPath(lessonFile(link.href)), 'utf8');
    const slugger = new GithubSlugger();
    const anchors = new Set([...lesson.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugger.slug(match[1] ?? '')));
    expect(anchors, link.href).toContain(link.href.split('#')[1]);
  }
});

it('does not blame a missing await on a call that is awaited (the aliases starter: its associations are missing)', async () => {
  const file = '../lessons/02-keys-and-names/02-aliases/_exercises/name-author-and-editor/starter.js';
  const source = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
  const explanations = explainRun(await client.run(source), source);
  expect(explanations.map((explanation) => explanation.id)).toEqual(['no-such-accessor']);
  expect(explanations[0]?.what).toMatch(/^getEditedPosts\(\) does not exist: no association in the program adds it/);
});
