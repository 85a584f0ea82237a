import { Sequelize, DataTypes, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Teacher = sequelize.define('Teacher', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });
const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Card = sequelize.define('Card', { number: DataTypes.STRING });
const Enrollment = sequelize.define('Enrollment', { grade: DataTypes.STRING });

// Courses.teacherId: a teacher who still teaches a course cannot be deleted.
Teacher.hasMany(Course, { foreignKey: 'teacherId', onDelete: 'RESTRICT' });
Course.belongsTo(Teacher, { foreignKey: 'teacherId', onDelete: 'RESTRICT' });
// Cards.studentId: a student has one card, deleted with the student.
Student.hasOne(Card, { foreignKey: 'studentId', onDelete: 'CASCADE' });
Card.belongsTo(Student, { foreignKey: 'studentId', onDelete: 'CASCADE' });
// Enrollments: the join table, with studentId and courseId as its two keys.
Student.belongsToMany(Course, {
  through: Enrollment,
  foreignKey: 'studentId',
  otherKey: 'courseId',
});
Course.belongsToMany(Student, {
  through: Enrollment,
  foreignKey: 'courseId',
  otherKey: 'studentId',
});

async function main() {
  await sequelize.sync({ force: true });

  // Print the schema as the database holds it, one table after the other.
  const tables = await sequelize.query(
    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    { type: QueryTypes.SELECT },
  );
  for (const table of tables) {
    console.log(`${table.sql};`);
  }
}

await main();
