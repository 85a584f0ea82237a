import { describe, expect, it } from 'vitest';
import { encodeAssignment, type Assignment } from '../../schemas/assignment';
import { assignmentLink, readAssignmentHash } from './link';

const assignment: Assignment = { format: 'assoclab-assignment', version: 1, id: 'Ab3_-x9Kq2', title: 'Week 3', exercises: [{ id: 'first', points: 10 }] };

describe('the learner’s link', () => {
  it('carries the assignment in its fragment, and the page reads it back', () => {
    const link = assignmentLink('https://lab.example', assignment);
    expect(link).toMatch(/^https:\/\/lab\.example\/assignment\/#a=[A-Za-z0-9_-]+$/);
    expect(readAssignmentHash(new URL(link).hash)).toEqual({ kind: 'ok', assignment, encoded: encodeAssignment(assignment) });
  });

  it('tells a link with no assignment from a damaged one', () => {
    expect(readAssignmentHash('')).toEqual({ kind: 'missing' });
    expect(readAssignmentHash('#exercise-x')).toEqual({ kind: 'missing' });
    const cut = readAssignmentHash(`#a=${encodeAssignment(assignment).slice(0, 30)}`);
    expect(cut).toMatchObject({ kind: 'damaged', problems: [] });
    if (cut.kind === 'damaged') expect(cut.message).toMatch(/damaged/);
    const wrong = readAssignmentHash(`#a=${encodeAssignment({ ...assignment, exercises: [] })}`);
    expect(wrong).toMatchObject({ kind: 'damaged', problems: ['exercises: must list at least one exercise'] });
  });
});
