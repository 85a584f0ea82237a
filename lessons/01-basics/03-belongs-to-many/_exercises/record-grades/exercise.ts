import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'belongs-to-many',
  difficulty: 2,
  title: 'Record a grade on every enrolment',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'student-through-enrollment',
      kind: 'association',
      title: 'Student belongs to many Course, through the model Enrollment',
      type: 'belongsToMany',
      source: 'Student',
      target: 'Course',
      through: 'Enrollment',
    },
    {
      id: 'course-through-enrollment',
      kind: 'association',
      title: 'Course belongs to many Student, through the model Enrollment',
      type: 'belongsToMany',
      source: 'Course',
      target: 'Student',
      through: 'Enrollment',
    },
    {
      id: 'grade-column',
      kind: 'column-exists',
      title: 'The join table Enrollments has a grade column',
      table: 'Enrollments',
      column: 'grade',
    },
    {
      id: 'grades-recorded',
      kind: 'rows-include',
      title: 'Amara’s three grades are stored in the join table',
      table: 'Enrollments',
      rows: [
        { StudentId: 1, CourseId: 1, grade: 'A' },
        { StudentId: 1, CourseId: 2, grade: 'B+' },
        { StudentId: 1, CourseId: 3, grade: 'A-' },
      ],
    },
    {
      id: 'report-card',
      kind: 'probe',
      title: 'reportCard(student) lists that student’s courses with their grades, by title',
      probe: {
        seed: [
          { as: 'student', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'classmate', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'first', model: 'Course', values: { title: { random: 'title' } } },
          { as: 'second', model: 'Course', values: { title: { random: 'title' } } },
          {
            as: 'e1',
            model: 'Enrollment',
            values: { StudentId: { ref: 'student', attribute: 'id' }, CourseId: { ref: 'first', attribute: 'id' }, grade: 'C' },
          },
          {
            as: 'e2',
            model: 'Enrollment',
            values: { StudentId: { ref: 'student', attribute: 'id' }, CourseId: { ref: 'second', attribute: 'id' }, grade: 'B-' },
          },
          {
            as: 'e3',
            model: 'Enrollment',
            values: { StudentId: { ref: 'classmate', attribute: 'id' }, CourseId: { ref: 'first', attribute: 'id' }, grade: 'A+' },
          },
        ],
        call: { export: 'reportCard', args: ['student'] },
      },
      order: 'exact',
    },
    {
      id: 'empty-report-card',
      kind: 'probe',
      title: 'reportCard(student) is an empty list for a student without courses',
      probe: {
        seed: [{ as: 'newcomer', model: 'Student', values: { name: { random: 'name' } } }],
        call: { export: 'reportCard', args: ['newcomer'] },
      },
    },
  ],
});
