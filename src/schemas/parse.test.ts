import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lessonSchema } from './lesson';
import { ContentValidationError, parseWithFriendlyErrors } from './parse';

const FILE = 'lessons/01-basics/01-has-many-belongs-to/index.mdx';
const valid = { title: 'hasMany and belongsTo', description: 'One user, many posts.', part: 'Basics', topics: ['has-many-belongs-to'] };

function messageFor(data: unknown): string {
  try {
    parseWithFriendlyErrors(lessonSchema, data, FILE);
  } catch (error) {
    if (error instanceof ContentValidationError) return error.message;
    throw error;
  }
  throw new Error('expected the data to be rejected');
}

describe('parseWithFriendlyErrors', () => {
  it('returns the parsed data with defaults applied', () => {
    expect(parseWithFriendlyErrors(lessonSchema, valid, FILE)).toEqual({ ...valid, language: 'javascript' });
  });

  describe.each([
    ['a missing title', { description: 'x' }, 'title: is required but missing (expected string)'],
    ['a title of the wrong type', { ...valid, title: 42 }, 'title: expected string, got number 42'],
    ['an empty description', { ...valid, description: '  ' }, 'description: must not be empty'],
    ['an unknown language', { ...valid, language: 'python' }, 'language: must be one of "javascript", "typescript", got the text "python"'],
    ['a misspelt field', { ...valid, descripton: 'x' }, 'unknown field "descripton" (check the spelling)'],
  ])('%s', (_name, data, expected) => {
    it('names the file and the field', () => {
      const message = messageFor(data);
      expect(message).toContain(`Invalid data in ${FILE}`);
      expect(message).toContain(expected);
    });
  });

  it('lists every problem, one per line', () => {
    const message = messageFor({ title: '', language: 'ruby' });
    expect(message.split('\n')).toHaveLength(5);
  });

  it('keeps the file and problems on the error', () => {
    try {
      parseWithFriendlyErrors(z.object({ n: z.number() }), { n: 'x' }, 'a.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentValidationError);
      if (!(error instanceof ContentValidationError)) return;
      expect(error.file).toBe('a.json');
      expect(error.problems).toEqual(['n: expected number, got the text "x"']);
    }
  });
});
