import { describe, expect, it } from 'vitest';
import { parseAssignment } from '../../schemas/assignment';
import { draftToAssignment, emptyDraft, newAssignmentId, readDraft, type Draft } from './draft';

const ORDER = ['first', 'second', 'third'];
const draft = (changes: Partial<Draft>): Draft => ({ ...emptyDraft('abcdEFGH12'), ...changes });

describe('the Assign page’s draft', () => {
  it('makes an id of 10 URL-safe characters, a new one each time', () => {
    const id = newAssignmentId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(newAssignmentId()).not.toBe(id);
    expect(newAssignmentId((bytes) => bytes.fill(255))).toBe('__________');
  });

  it('makes a valid assignment, exercises in course order, default points 10, the due date only when given', () => {
    const result = draftToAssignment(draft({ title: '  Week 3  ', picked: ['third', 'first'], points: { third: '5' } }), ORDER);
    expect(result).toEqual({
      ok: true,
      assignment: {
        format: 'assoclab-assignment',
        version: 1,
        id: 'abcdEFGH12',
        title: 'Week 3',
        exercises: [
          { id: 'first', points: 10 },
          { id: 'third', points: 5 },
        ],
      },
    });
    if (result.ok) expect(parseAssignment(result.assignment)).toEqual(result.assignment);
    const dated = draftToAssignment(draft({ title: 'W', picked: ['first'], due: '2026-12-24' }), ORDER);
    expect(dated.ok && dated.assignment.due).toBe('2026-12-24');
  });

  it('says what is missing, field by field', () => {
    expect(draftToAssignment(draft({}), ORDER)).toEqual({
      ok: false,
      problems: [
        { field: 'title', message: 'Give the assignment a title.' },
        { field: 'exercises', message: 'Pick at least one exercise.' },
      ],
    });
    const result = draftToAssignment(
      draft({ title: 'W', picked: ['first', 'second'], points: { first: '0', second: '2.5' }, due: '2026-13-45' }),
      ORDER,
      (id) => id.toUpperCase(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.field)).toEqual(['due', 'points:first', 'points:second']);
      expect(result.problems[1]?.message).toBe('Points for “FIRST” must be a whole number from 1 to 1000.');
    }
  });

  it('ignores picked ids the catalogue does not have (an exercise since removed)', () => {
    const result = draftToAssignment(draft({ title: 'W', picked: ['gone', 'second'] }), ORDER);
    expect(result.ok && result.assignment.exercises).toEqual([{ id: 'second', points: 10 }]);
  });

  it('comes back from storage, and anything else reads as no draft', () => {
    const saved = draft({ title: 'T', due: '2026-01-02', picked: ['first'], points: { first: '3' } });
    expect(readDraft(JSON.stringify(saved))).toEqual(saved);
    expect(readDraft(null)).toBeUndefined();
    expect(readDraft('{')).toBeUndefined();
    expect(readDraft(JSON.stringify({ id: 'x' }))).toBeUndefined();
    expect(readDraft(JSON.stringify({ id: 'abcdef', picked: [1, 'a'], points: { a: 2, b: '4' } }))).toEqual({
      id: 'abcdef',
      title: '',
      due: '',
      picked: ['a'],
      points: { b: '4' },
    });
  });
});
