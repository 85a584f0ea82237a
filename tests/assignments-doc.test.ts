/**
 * docs/assignments.md stays true: its example assignment.json, learner's link and submission
 * are valid files of the formats it documents, and every field it documents exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentSchema, decodeAssignment, parseAssignment, parseSubmission, submissionSchema } from '../src/schemas/assignment';

const guide = readFileSync(join(import.meta.dirname, '..', 'docs', 'assignments.md'), 'utf8');
const fenced = (language: string) => [...guide.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1] ?? '');
/** The field names in the table under a heading. */
const tableFields = (heading: string) => {
  const start = guide.indexOf(heading);
  const table = guide.slice(start, guide.indexOf('\n#', start + heading.length));
  return [...table.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((match) => match[1]);
};

describe('docs/assignments.md', () => {
  const [assignmentText = '', submissionText = ''] = fenced('json');

  it('shows a valid assignment.json, the link that carries it, and a valid submission of it', () => {
    const assignment = parseAssignment(JSON.parse(assignmentText));
    const link = fenced('text').find((text) => text.includes('/assignment/#a=')) ?? '';
    expect(decodeAssignment(link.trim().split('#a=')[1] ?? '')).toEqual(assignment);
    const submission = parseSubmission(JSON.parse(submissionText));
    expect(submission.assignment).toEqual(assignment);
    expect(guide).toContain(`submission-ada-lovelace-${assignment.id}.json`);
  });

  it('documents every field of both formats, and no other', () => {
    expect(tableFields('### assignment.json').sort()).toEqual(Object.keys(assignmentSchema.shape).sort());
    expect(tableFields('### A submission').sort()).toEqual(Object.keys(submissionSchema.shape).sort());
  });
});
