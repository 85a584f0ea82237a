import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Student = sequelize.define('Student', { name: DataTypes.STRING }, { timestamps: false });
const Course = sequelize.define('Course', { title: DataTypes.STRING }, { timestamps: false });
const Enrollment = sequelize.define('Enrollment', { grade: DataTypes.STRING }, { timestamps: false });
Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });

await sequelize.sync();
const ada = await Student.create({ name: 'Ada' });
const [math, art] = await Course.bulkCreate([{ title: 'Math' }, { title: 'Art' }]);
await ada.addCourse(math, { through: { grade: 'A' } });
await ada.addCourse(art, { through: { grade: 'B' } });
const courses = await ada.getCourses({ joinTableAttributes: ['grade'], order: [['title', 'ASC']] });
console.log(courses.map((course) => `${course.title}: ${course.Enrollment.grade}`));
const found = await Student.findOne({ include: { model: Course, through: { attributes: [] } } });
console.log(JSON.stringify(found, null, 2));
await ada.setCourses([art]);
console.log(await Enrollment.findAll({ raw: true }));
