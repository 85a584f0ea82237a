import { describe, expect, it } from 'vitest';
import { ContentValidationError } from '../../schemas/parse';
import { parseSubmission, type Assignment } from '../../schemas/assignment';
import { buildSubmission, nameSlug, submissionFileName } from './submission';

const assignment: Assignment = {
  format: 'assoclab-assignment',
  version: 1,
  id: 'Ab3_-x9Kq2',
  title: 'Week 3',
  exercises: [
    { id: 'first', points: 10 },
    { id: 'second', points: 5 },
  ],
};

describe('a submission', () => {
  it('names its file after the learner and the assignment', () => {
    expect(nameSlug('  Ada   Lovelace ')).toBe('ada-lovelace');
    expect(nameSlug('Zoë Ñúñez-O’Brien')).toBe('zoe-nunez-o-brien');
    expect(nameSlug('李小龍')).toBe('李小龍');
    expect(nameSlug('!!!')).toBe('learner');
    expect(nameSlug('a'.repeat(100))).toHaveLength(60);
    expect(submissionFileName('Ada Lovelace', assignment)).toBe('submission-ada-lovelace-Ab3_-x9Kq2.json');
  });

  it('holds the name, the whole assignment and the program of each exercise worked on, and no verdict', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const submission = buildSubmission({ assignment, name: ' Ada ', now, codeOf: (id) => (id === 'second' ? 'console.log(2);' : undefined) });
    expect(submission).toEqual({
      format: 'assoclab-submission',
      version: 1,
      learner: { name: 'Ada' },
      assignment,
      submittedAt: '2026-12-01T10:00:00.000Z',
      programs: { second: 'console.log(2);' },
    });
    expect(parseSubmission(JSON.parse(JSON.stringify(submission)))).toEqual(submission);
  });

  it('is refused without a name', () => {
    expect(() => buildSubmission({ assignment, name: '  ', codeOf: () => undefined })).toThrow(ContentValidationError);
  });
});
