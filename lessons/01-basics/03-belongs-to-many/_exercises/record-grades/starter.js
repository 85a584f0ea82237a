import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// TODO 1: the school now records a grade for every enrolment. Replace the
//         join table below with a through model of your own, `Enrollment`,
//         that has a `grade` (a string).
Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });

/**
 * `student`'s report card: one line per course, "<course title>: <grade>".
 * TODO 3: read the grade from the join row that comes with each course.
 */
export async function reportCard(student) {
  throw new Error('reportCard(student) is not written yet');
}

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });
  const history = await Course.create({ title: 'History' });

  // TODO 2: record Amara's grades when enrolling her: A in Biology,
  //         B+ in Chemistry and A- in History.
  await amara.addCourses([biology, chemistry, history]);

  console.log((await reportCard(amara)).join('\n'));
}

await main();
