import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'belongs-to-many',
  difficulty: 1,
  title: 'Enrol students in courses',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'student-belongs-to-many-courses',
      kind: 'association',
      title: 'Student belongs to many Course, through Enrollments',
      type: 'belongsToMany',
      source: 'Student',
      target: 'Course',
      through: 'Enrollments',
    },
    {
      id: 'course-belongs-to-many-students',
      kind: 'association',
      title: 'Course belongs to many Student, through Enrollments',
      type: 'belongsToMany',
      source: 'Course',
      target: 'Student',
      through: 'Enrollments',
    },
    {
      id: 'one-row-per-enrolment',
      kind: 'row-count',
      title: 'The join table Enrollments holds one row per enrolment (5)',
      table: 'Enrollments',
      min: 5,
      max: 5,
    },
    {
      id: 'rosters',
      kind: 'console-lines',
      title: 'Every course is printed with its students',
      lines: ['Biology: Amara, Chloe', 'Chemistry: Amara', 'History: Ben, Chloe'],
    },
    {
      id: 'get-courses-works',
      kind: 'probe',
      title: 'student.getCourses() finds exactly that student’s courses',
      probe: {
        seed: [
          { as: 'student', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'first', model: 'Course', values: { title: { random: 'title' } } },
          { as: 'skipped', model: 'Course', values: { title: { random: 'title' } } },
          { as: 'second', model: 'Course', values: { title: { random: 'title' } } },
          { as: 'e1', model: 'Enrollments', values: { StudentId: { ref: 'student', attribute: 'id' }, CourseId: { ref: 'first', attribute: 'id' } } },
          { as: 'e2', model: 'Enrollments', values: { StudentId: { ref: 'student', attribute: 'id' }, CourseId: { ref: 'second', attribute: 'id' } } },
        ],
        call: { method: 'getCourses', on: 'student' },
      },
      project: ['title'],
    },
    {
      id: 'get-students-works',
      kind: 'probe',
      title: 'course.getStudents() finds exactly the students of that course',
      probe: {
        seed: [
          { as: 'course', model: 'Course', values: { title: { random: 'title' } } },
          { as: 'one', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'two', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'absent', model: 'Student', values: { name: { random: 'name' } } },
          { as: 'e1', model: 'Enrollments', values: { StudentId: { ref: 'one', attribute: 'id' }, CourseId: { ref: 'course', attribute: 'id' } } },
          { as: 'e2', model: 'Enrollments', values: { StudentId: { ref: 'two', attribute: 'id' }, CourseId: { ref: 'course', attribute: 'id' } } },
        ],
        call: { method: 'getStudents', on: 'course' },
      },
      project: ['name'],
    },
  ],
});
