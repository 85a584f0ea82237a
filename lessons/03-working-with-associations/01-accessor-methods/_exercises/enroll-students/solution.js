import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });

/** Enrols the student in the course; returns how many courses the student now takes. */
export async function enroll(student, course) {
  await student.addCourse(course);
  return student.countCourses();
}

/** Whether the student takes the course: true or false. */
export async function isEnrolled(student, course) {
  return student.hasCourse(course);
}

/** Takes the student out of the course; returns the titles of the courses the student still takes. */
export async function drop(student, course) {
  await student.removeCourse(course);
  const courses = await student.getCourses();
  return courses.map((remaining) => remaining.title);
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await Student.create({ name: 'Ana Lima' });
  const algebra = await Course.create({ title: 'Algebra' });
  const biology = await Course.create({ title: 'Biology' });

  console.log(`Ana takes ${await enroll(ana, algebra)} course(s)`);
  console.log(`Ana takes ${await enroll(ana, biology)} course(s)`);
  console.log(`Ana takes ${await enroll(ana, biology)} course(s)`);
  console.log(`In Biology? ${await isEnrolled(ana, biology)}`);
  console.log(`After dropping Biology: ${await drop(ana, biology)}`);
  console.log(`In Biology? ${await isEnrolled(ana, biology)}`);
}

await main();
