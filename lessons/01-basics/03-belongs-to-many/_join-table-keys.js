import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// foreignKey: the column pointing at the source (the model you call it on);
// otherKey: the column pointing at the target.
// The second call swaps them, because its source is Course.
Student.belongsToMany(Course, {
  through: 'Enrollments',
  foreignKey: 'studentId',
  otherKey: 'courseId',
});
Course.belongsToMany(Student, {
  through: 'Enrollments',
  foreignKey: 'courseId',
  otherKey: 'studentId',
});

// The join model Sequelize made for `through: 'Enrollments'`.
const Enrollments = sequelize.models.Enrollments;

async function printJoinTable(moment) {
  const rows = await Enrollments.findAll({
    order: [
      ['studentId', 'ASC'],
      ['courseId', 'ASC'],
    ],
  });
  const pairs = rows.map((row) => `(${row.studentId}, ${row.courseId})`);
  console.log(`${moment}: ${pairs.join(' ') || 'empty'}`);
}

async function main() {
  await sequelize.sync({ force: true });

  const amara = await Student.create({ name: 'Amara' }); // id 1
  const ben = await Student.create({ name: 'Ben' }); // id 2
  const biology = await Course.create({ title: 'Biology' }); // id 1
  const chemistry = await Course.create({ title: 'Chemistry' }); // id 2

  await amara.addCourses([biology, chemistry]);
  await ben.addCourse(biology);
  await printJoinTable('Enrolled');

  await amara.addCourse(biology); // already there: no second row
  await printJoinTable('Amara again');

  await amara.removeCourse(chemistry); // deletes the pair, not the course
  await printJoinTable('Amara drops Chemistry');
  console.log(`Courses left: ${await Course.count()}`);

  await ben.destroy(); // ON DELETE CASCADE removes Ben's pairs
  await printJoinTable('Ben leaves');
}

await main();
