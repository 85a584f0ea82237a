import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// The join table as a model of our own, with a column of its own: the grade.
const Enrollment = sequelize.define('Enrollment', { grade: DataTypes.STRING });
Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });

/** `student`'s report card: one line per course, "<course title>: <grade>". */
export async function reportCard(student) {
  const courses = await student.getCourses({ order: [['title', 'ASC']] });
  return courses.map((course) => `${course.title}: ${course.Enrollment.grade}`);
}

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });
  const history = await Course.create({ title: 'History' });

  // Each grade belongs to one pair, so it goes into that pair's join row.
  await amara.addCourse(biology, { through: { grade: 'A' } });
  await amara.addCourse(chemistry, { through: { grade: 'B+' } });
  await amara.addCourse(history, { through: { grade: 'A-' } });

  console.log((await reportCard(amara)).join('\n'));
}

await main();
