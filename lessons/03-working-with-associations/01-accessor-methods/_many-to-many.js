import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });

await sequelize.sync({ force: true });
const ana = await Student.create({ name: 'Ana Lima' });
const [algebra, biology, chemistry, drawing] = await Course.bulkCreate([
  { title: 'Algebra' },
  { title: 'Biology' },
  { title: 'Chemistry' },
  { title: 'Drawing' },
]);
const titles = (courses) => courses.map((course) => course.title).join(', ') || 'none';
const byTitle = { order: [['title', 'ASC']] };

await ana.addCourse(algebra); // add one
await ana.addCourses([biology, chemistry]); // add many
await ana.createCourse({ title: 'Economics' }); // create (and enrol)
console.log(`get: ${titles(await ana.getCourses(byTitle))}`);
console.log(`count: ${await ana.countCourses()}`);
console.log(`has one: ${await ana.hasCourse(algebra)}, ${await ana.hasCourse(drawing)}`);
console.log(
  `has many: ${await ana.hasCourses([algebra, biology])}, ${await ana.hasCourses([algebra, drawing])}`,
);

await ana.removeCourse(algebra); // remove one
await ana.removeCourses([biology, chemistry]); // remove many
console.log(`after remove: ${titles(await ana.getCourses(byTitle))}`);

await ana.setCourses([drawing, biology]); // set: exactly these, no others
console.log(`after set: ${titles(await ana.getCourses(byTitle))}`);
console.log(`courses still in the catalogue: ${await Course.count()}`);
