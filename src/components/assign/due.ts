/**
 * The due date as a learner reads it: "Due Thursday 24 December 2026 (in 5 days)". A date
 * without a time is due at the end of that day, where the learner is.
 */

export interface DueText {
  /** "Thursday, 24 December 2026" (in the learner's locale). */
  date: string;
  /** "in 5 days", "tomorrow", "today", "1 day ago". */
  relative: string;
  past: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

/** The date-only `YYYY-MM-DD` as a local date; anything else as Date parses it. */
function dueDate(due: string): { date: Date; dateOnly: boolean } {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (parts) return { date: new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])), dateOnly: true };
  return { date: new Date(due), dateOnly: false };
}

const startOfDay = (date: Date): number => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

export function dueText(due: string, now: Date = new Date(), locale?: string): DueText | undefined {
  const { date, dateOnly } = dueDate(due);
  if (Number.isNaN(date.getTime())) return undefined;
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  const shown = dateOnly ? date.toLocaleDateString(locale, options) : date.toLocaleString(locale, { ...options, hour: '2-digit', minute: '2-digit' });
  // Whole calendar days between today and the due day (rounded: a DST day is 23 or 25 hours).
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY);
  const past = dateOnly ? days < 0 : date.getTime() < now.getTime();
  let relative: string;
  if (past) relative = days >= 0 ? 'earlier today' : days === -1 ? 'yesterday' : `${-days} days ago`;
  else relative = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return { date: shown, relative, past };
}
