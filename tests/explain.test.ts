/**
 * The mistakes explainer, one row per mistake (tests/fixtures/mistakes.ts): each program
 * runs in a Node worker thread exactly as `assoclab run` runs it, and its result must get
 * the explanation, at the right line, with a link to a section that exists.
 */
import { readFileSync } from 'node:fs';
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
  const lesson = readFileSync(fileURLToPath(new URL('../lessons/01-basics/01-has-many-belongs-to/index.mdx', import.meta.url)), 'utf8');
  const slugger = new GithubSlugger();
  const anchors = new Set([...lesson.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugger.slug(match[1] ?? '')));
  for (const link of Object.values(READ_MORE).filter((entry) => entry.href.startsWith('/'))) {
    expect(link.href.startsWith('/lessons/basics/has-many-belongs-to/#')).toBe(true);
    expect(anchors, link.href).toContain(link.href.split('#')[1]);
  }
});
