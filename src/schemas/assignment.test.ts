import { describe, expect, it } from 'vitest';
import { ContentValidationError } from './parse';
import { decodeAssignment, encodeAssignment, maxPoints, parseAssignment, parseSubmission, type Assignment } from './assignment';

const assignment: Assignment = {
  format: 'assoclab-assignment',
  version: 1,
  id: 'week-3-assoc',
  title: 'Week 3: hasMany and belongsTo — “Ünïcode” too',
  due: '2026-12-24',
  exercises: [
    { id: 'link-posts-to-author', points: 10 },
    { id: 'posts-of-user', points: 5 },
  ],
};

describe('assignment files', () => {
  it('travels in a link and comes back the same, Unicode included', () => {
    const encoded = encodeAssignment(assignment);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAssignment(encoded)).toEqual(assignment);
  });

  it('says a cut link is damaged instead of failing on bytes', () => {
    expect(() => decodeAssignment(encodeAssignment(assignment).slice(0, 20))).toThrow(/damaged/);
  });

  it('names each bad field', () => {
    const bad = {
      ...assignment,
      version: 2,
      exercises: [
        { id: 'x', points: 0 },
        { id: 'x', points: 1 },
      ],
    };
    try {
      parseAssignment(bad, 'a.json');
      expect.fail('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentValidationError);
      const text = (error as Error).message;
      expect(text).toContain('a.json');
      expect(text).toMatch(/version/);
      expect(text).toMatch(/exercises\[0\]\.points: must be at least 1/);
      expect(text).toMatch(/lists an exercise twice/);
    }
  });

  it('counts points and checks a submission’s shape', () => {
    expect(maxPoints(assignment)).toBe(15);
    const submission = parseSubmission({
      format: 'assoclab-submission',
      version: 1,
      learner: { name: 'Ada' },
      assignment,
      submittedAt: '2026-12-01T10:00:00.000Z',
      programs: { 'posts-of-user': 'console.log(1)' },
    });
    expect(submission.learner.name).toBe('Ada');
    expect(() => parseSubmission({ ...submission, verdict: 'pass' })).toThrow(/unknown field "verdict"/);
  });
});
