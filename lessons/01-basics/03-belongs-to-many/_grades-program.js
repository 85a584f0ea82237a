import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// A through model of our own: the join table, with a column for the grade.
const Enrollment = sequelize.define('Enrollment', { grade: DataTypes.STRING });

Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' });
  const biology = await Course.create({ title: 'Biology' });
  const chemistry = await Course.create({ title: 'Chemistry' });

  // `through` gives the values of the join row itself.
  await amara.addCourse(biology, { through: { grade: 'A' } });
  await amara.addCourse(chemistry);

  // Each course comes with its join row, under the through model's name.
  for (const course of await amara.getCourses({ order: [['title', 'ASC']] })) {
    console.log(`${course.title}: ${course.Enrollment.grade ?? 'not graded yet'}`);
  }

  // Adding a pair that exists updates its join row.
  await amara.addCourse(chemistry, { through: { grade: 'B+' } });

  // The join rows are a model like any other.
  const count = await Enrollment.count({ where: { StudentId: amara.id } });
  console.log(`Amara has ${count} enrollments`);

  const [student] = await Student.findAll({
    include: { model: Course, through: { attributes: ['grade'] } },
    order: [[Course, 'title', 'ASC']],
  });
  for (const course of student.Courses) {
    console.log(`${student.name}, ${course.title}: ${course.Enrollment.grade}`);
  }
}

await main();
