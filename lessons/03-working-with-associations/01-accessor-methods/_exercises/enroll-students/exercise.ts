import { defineExercise } from '#exercise';

const student = (as: string) => ({ as, model: 'Student', values: { name: { random: 'name' as const } } });
const course = (as: string) => ({ as, model: 'Course', values: { title: { random: 'title' as const } } });
const enrolled = (as: string, who: string, what: string) => ({
  as,
  model: 'Enrollments',
  values: { StudentId: { ref: who, attribute: 'id' }, CourseId: { ref: what, attribute: 'id' } },
});

export default defineExercise({
  topic: 'accessor-methods',
  difficulty: 2,
  title: 'Enrol students in courses',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'enroll-counts',
      kind: 'probe',
      title: 'enroll() adds a course to a student who already takes one, and counts two',
      probe: {
        seed: [student('student'), course('first'), course('second'), enrolled('taken', 'student', 'first')],
        call: { export: 'enroll', args: ['student', 'second'] },
      },
    },
    {
      id: 'enroll-twice',
      kind: 'probe',
      title: 'enroll() a second time in the same course changes nothing',
      probe: {
        seed: [student('student'), course('only'), enrolled('taken', 'student', 'only')],
        call: { export: 'enroll', args: ['student', 'only'] },
      },
    },
    {
      id: 'is-enrolled-yes',
      kind: 'probe',
      title: 'isEnrolled() is true for a course the student takes',
      probe: {
        seed: [student('student'), course('taken'), enrolled('row', 'student', 'taken')],
        call: { export: 'isEnrolled', args: ['student', 'taken'] },
      },
    },
    {
      id: 'is-enrolled-no',
      kind: 'probe',
      title: 'isEnrolled() is false for a course only another student takes',
      probe: {
        seed: [student('student'), student('classmate'), course('theirs'), enrolled('row', 'classmate', 'theirs')],
        call: { export: 'isEnrolled', args: ['student', 'theirs'] },
      },
    },
    {
      id: 'drop-one',
      kind: 'probe',
      title: 'drop() takes the student out of one course and keeps the others',
      probe: {
        seed: [
          student('student'),
          course('first'),
          course('second'),
          course('third'),
          enrolled('row1', 'student', 'first'),
          enrolled('row2', 'student', 'second'),
          enrolled('row3', 'student', 'third'),
        ],
        call: { export: 'drop', args: ['student', 'second'] },
      },
    },
    {
      id: 'courses-kept',
      kind: 'row-count',
      title: 'Dropping a course keeps the course itself: the catalogue still has both',
      table: 'Courses',
      min: 2,
      max: 2,
    },
  ],
});
