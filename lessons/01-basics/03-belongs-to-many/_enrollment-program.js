import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// A student takes many courses; a course has many students.
// One join table: Enrollments.
Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const ben = await Student.create({ name: 'Ben' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });
  const history = await Course.create({ title: 'History' });

  // Each call adds rows to the join table, one per (student, course) pair.
  await amara.addCourses([biology, chemistry]);
  await ben.addCourse(biology);

  const courses = await amara.getCourses({ order: [['title', 'ASC']] });
  console.log(`Amara takes: ${courses.map((course) => course.title).join(', ')}`);

  const students = await biology.getStudents({ order: [['name', 'ASC']] });
  console.log(`Biology: ${students.map((student) => student.name).join(', ')}`);

  console.log(`History: ${await history.countStudents()} students`);
  console.log(`Is Ben in Chemistry? ${await ben.hasCourse(chemistry)}`);
}

await main();
