import { describe, expect, it } from 'vitest';
import { dueText } from './due';

const at = (iso: string) => new Date(iso);

describe('the due date as a learner reads it', () => {
  it('counts calendar days to a date, due at the end of that day', () => {
    const now = at('2026-12-19T23:30:00');
    expect(dueText('2026-12-24', now, 'en-GB')).toMatchObject({ relative: 'in 5 days', past: false });
    expect(dueText('2026-12-24', now, 'en-GB')?.date).toMatch(/^Thursday,? 24 December 2026$/);
    expect(dueText('2026-12-20', now, 'en-GB')?.relative).toBe('tomorrow');
    expect(dueText('2026-12-19', now, 'en-GB')).toMatchObject({ relative: 'today', past: false });
    expect(dueText('2026-12-18', now, 'en-GB')).toMatchObject({ relative: 'yesterday', past: true });
    expect(dueText('2026-12-01', now, 'en-GB')).toMatchObject({ relative: '18 days ago', past: true });
  });

  it('is past once a date-time has gone, and says nothing of a date that is not one', () => {
    const now = at('2026-12-19T12:00:00');
    expect(dueText('2026-12-19T09:00:00', now)).toMatchObject({ relative: 'earlier today', past: true });
    expect(dueText('2026-12-19T17:00:00', now)).toMatchObject({ relative: 'today', past: false });
    expect(dueText('not a date', now)).toBeUndefined();
  });
});
