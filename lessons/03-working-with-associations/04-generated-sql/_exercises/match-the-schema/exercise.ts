import { defineExercise } from '#exercise';

const named = (as: string, model: string) => ({ as, model, values: { name: { random: 'name' as const } } });
const course = (as: string, teacher?: string) => ({
  as,
  model: 'Course',
  values: { title: { random: 'title' as const }, ...(teacher ? { teacherId: { ref: teacher, attribute: 'id' } } : {}) },
});
const enrollment = (as: string, student: string, course: string) => ({
  as,
  model: 'Enrollment',
  values: { grade: { random: 'word' as const }, studentId: { ref: student, attribute: 'id' }, courseId: { ref: course, attribute: 'id' } },
});

export default defineExercise({
  topic: 'generated-sql',
  difficulty: 3,
  title: 'Match the schema',
  checks: [
    {
      id: 'courses-teacher',
      kind: 'foreign-key',
      title: 'Courses.teacherId points at Teachers.id, with the ON DELETE of the schema',
      table: 'Courses',
      column: 'teacherId',
      references: { table: 'Teachers', column: 'id' },
      onDelete: 'RESTRICT',
    },
    {
      id: 'cards-student',
      kind: 'foreign-key',
      title: 'Cards.studentId points at Students.id, with the ON DELETE of the schema',
      table: 'Cards',
      column: 'studentId',
      references: { table: 'Students', column: 'id' },
      onDelete: 'CASCADE',
    },
    {
      id: 'enrollments-student',
      kind: 'foreign-key',
      title: 'Enrollments.studentId points at Students.id',
      table: 'Enrollments',
      column: 'studentId',
      references: { table: 'Students', column: 'id' },
      onDelete: 'CASCADE',
    },
    {
      id: 'enrollments-course',
      kind: 'foreign-key',
      title: 'Enrollments.courseId points at Courses.id',
      table: 'Enrollments',
      column: 'courseId',
      references: { table: 'Courses', column: 'id' },
      onDelete: 'CASCADE',
    },
    {
      id: 'student-has-one-card',
      kind: 'association',
      title: 'A student has one card (Student has one Card, foreign key studentId)',
      type: 'hasOne',
      source: 'Student',
      target: 'Card',
      foreignKey: 'studentId',
    },
    {
      id: 'teacher-courses',
      kind: 'probe',
      title: 'teacher.getCourses() finds the courses a teacher teaches',
      probe: {
        seed: [named('teacher', 'Teacher'), course('one', 'teacher'), course('two', 'teacher'), course('other')],
        call: { method: 'getCourses', on: 'teacher' },
      },
      project: ['title'],
    },
    {
      id: 'student-card',
      kind: 'probe',
      title: 'student.getCard() finds a student’s card',
      probe: {
        seed: [
          named('student', 'Student'),
          { as: 'card', model: 'Card', values: { number: { random: 'number' }, studentId: { ref: 'student', attribute: 'id' } } },
        ],
        call: { method: 'getCard', on: 'student' },
      },
      project: ['number'],
    },
    {
      id: 'student-courses',
      kind: 'probe',
      title: 'student.getCourses() finds the courses a student is enrolled in, through Enrollments',
      probe: {
        seed: [
          named('student', 'Student'),
          course('maths'),
          course('art'),
          course('music'),
          enrollment('e1', 'student', 'maths'),
          enrollment('e2', 'student', 'music'),
        ],
        call: { method: 'getCourses', on: 'student' },
      },
      project: ['title'],
    },
    {
      id: 'course-students',
      kind: 'probe',
      title: 'course.getStudents() finds the students enrolled in a course',
      probe: {
        seed: [named('a', 'Student'), named('b', 'Student'), course('maths'), enrollment('e1', 'b', 'maths')],
        call: { method: 'getStudents', on: 'maths' },
      },
      project: ['name'],
    },
    {
      id: 'prints-schema',
      kind: 'console-lines',
      title: 'The schema the program prints is exactly the one in the instructions',
      lines: [
        'CREATE TABLE `Cards` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `number` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `studentId` INTEGER REFERENCES `Students` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);',
        'CREATE TABLE `Courses` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `title` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `teacherId` INTEGER REFERENCES `Teachers` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE);',
        'CREATE TABLE `Enrollments` (`grade` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `studentId` INTEGER NOT NULL REFERENCES `Students` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `courseId` INTEGER NOT NULL REFERENCES `Courses` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY (`studentId`, `courseId`));',
        'CREATE TABLE `Students` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);',
        'CREATE TABLE `Teachers` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);',
      ],
    },
  ],
});
