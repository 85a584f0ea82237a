import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// TODO 1: a student takes many courses, and a course has many students.
//         Declare it from both sides, through a join table named `Enrollments`.

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const ben = await Student.create({ name: 'Ben' });
  const chloe = await Student.create({ name: 'Chloe' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });
  const history = await Course.create({ title: 'History' });

  // TODO 2: enrol Amara in Biology and Chemistry, Ben in History,
  //         and Chloe in Biology and History.

  // Every course with its students.
  const courses = await Course.findAll({ order: [['id', 'ASC']] });
  for (const course of courses) {
    const students = await course.getStudents({ order: [['name', 'ASC']] });
    console.log(`${course.title}: ${students.map((student) => student.name).join(', ')}`);
  }
}

await main();
