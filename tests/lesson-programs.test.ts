/**
 * Every playground program in every lesson runs, in Node, exactly as the site would run it,
 * and ends without an error: a lesson never greets a learner with a broken example.
 * Playgrounds take their program from a file imported with `?raw` beside the lesson.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeHost } from '../src/runtime/core/execute';
import { runProgram } from '../src/runtime/core/execute';
import { createNodeHost } from '../src/runtime/node/node-host';

const lessonsRoot = fileURLToPath(new URL('../lessons', import.meta.url));

interface LessonProgram {
  lesson: string;
  playground: string;
  file: string;
  language: 'javascript' | 'typescript';
}

function lessonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : lessonFiles(path);
    return entry.name === 'index.mdx' ? [path] : [];
  });
}

/** The playgrounds of one lesson, each with the file its program comes from. */
function playgroundsOf(mdxPath: string): LessonProgram[] {
  const mdx = readFileSync(mdxPath, 'utf8');
  const imports = new Map([...mdx.matchAll(/^import (\w+) from '(\.\/[^']+)\?raw';$/gm)].map((match) => [match[1]!, match[2]!]));
  return [...mdx.matchAll(/<Playground\b([^>]*)\/>/g)].map(({ 1: attributes = '' }) => {
    const id = /\bid="([^"]+)"/.exec(attributes)?.[1] ?? '(no id)';
    const code = /\bcode=\{(\w+)\}/.exec(attributes)?.[1];
    const file = code ? imports.get(code) : undefined;
    if (!file) throw new Error(`${mdxPath}: <Playground id="${id}"> must take its code from a file imported with ?raw, so its program can be tested`);
    const language = /\blanguage="typescript"/.test(attributes) ? 'typescript' : 'javascript';
    return { lesson: mdxPath.slice(lessonsRoot.length + 1), playground: id, file: join(dirname(mdxPath), file), language };
  });
}

const programs = lessonFiles(lessonsRoot).flatMap(playgroundsOf);
let host: RuntimeHost;
beforeAll(async () => {
  host = await createNodeHost();
});

describe('lesson playgrounds', () => {
  it('are found', () => expect(programs.length).toBeGreaterThanOrEqual(2));

  it.each(programs.map((program) => [`${program.lesson} #${program.playground}`, program] as const))('%s runs without an error', async (_name, program) => {
    const result = await runProgram(readFileSync(program.file, 'utf8'), host, { language: program.language });
    expect(result.error).toBeUndefined();
    expect(result.console.length).toBeGreaterThan(0);
  });
});
