import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// The registrar's join table: Enrollments (studentId, courseId).
Student.belongsToMany(Course, {
  through: 'Enrollments',
  foreignKey: 'studentId',
  otherKey: 'courseId',
});
// Seen from Course, the key pointing at the source (Course) is courseId.
Course.belongsToMany(Student, {
  through: 'Enrollments',
  foreignKey: 'courseId',
  otherKey: 'studentId',
});

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const ben = await Student.create({ name: 'Ben' });
  const chloe = await Student.create({ name: 'Chloe' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });
  const history = await Course.create({ title: 'History' });

  await amara.addCourses([biology, chemistry]);
  await ben.addCourse(history);
  await chloe.addCourses([biology, history]);

  // Each student's timetable.
  for (const student of await Student.findAll({ order: [['id', 'ASC']] })) {
    const courses = await student.getCourses({ order: [['title', 'ASC']] });
    console.log(`${student.name} takes ${courses.map((course) => course.title).join(', ')}`);
  }

  // Each course's roster.
  for (const course of await Course.findAll({ order: [['id', 'ASC']] })) {
    const students = await course.getStudents({ order: [['name', 'ASC']] });
    console.log(`${course.title} has ${students.map((student) => student.name).join(', ')}`);
  }
}

await main();
