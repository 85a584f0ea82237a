/**
 * docs/writing-lessons.md stays true: every exercise, playground and check kind it names
 * exists in the course and the schema, and every check kind is documented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exercises } from '../src/checks/exercises';
import { checkSpecSchema } from '../src/schemas/exercise';

const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(join(root, 'docs/writing-lessons.md'), 'utf8');
const exerciseIds = new Set(exercises().map((entry) => entry.exercise.id));
const lessonFiles = readdirSync(join(root, 'lessons'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.mdx'));
const lessonText = lessonFiles.map((file) => readFileSync(join(root, 'lessons', file), 'utf8')).join('\n');

const all = (pattern: RegExp, text = guide) => [...new Set([...text.matchAll(pattern)].map((match) => match[1] ?? ''))];

describe('docs/writing-lessons.md', () => {
  // Ids in error-message examples are wrong on purpose (an unknown id): they follow "names no exercise".
  const placedInExamples = all(/<Exercise id="([^"]+)"(?![^\n]*names no exercise)/g);
  const graded = all(/assoclab grade ([a-z0-9-]+)/g);
  const folders = all(/_exercises\/([a-z0-9-]+)\//g);

  it('names exercises that exist', () => {
    expect(placedInExamples.length + graded.length + folders.length).toBeGreaterThan(3);
    for (const id of [...placedInExamples, ...graded, ...folders]) expect(exerciseIds, `exercise "${id}"`).toContain(id);
  });

  it('names playgrounds that exist', () => {
    const playgrounds = all(/<Playground id="([^"]+)"/g);
    expect(playgrounds.length).toBeGreaterThan(0);
    for (const id of playgrounds) expect(lessonText, `playground "${id}"`).toContain(`<Playground id="${id}"`);
  });

  it('documents every check kind, and no kind that does not exist', () => {
    const kinds = checkSpecSchema.options.map((option) => option.shape.kind.value);
    const table = guide.slice(guide.indexOf('#### Check kinds'), guide.indexOf('#### Probes'));
    const documented = all(/^\| `([a-z-]+)` \|/gm, table);
    expect(documented.sort()).toEqual([...kinds].sort());
  });
});
