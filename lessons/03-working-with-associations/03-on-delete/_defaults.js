import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

// No onDelete or onUpdate anywhere: every action below is a default.
User.hasMany(Post, { foreignKey: 'userId' }); // userId may be NULL
Post.belongsTo(User, { foreignKey: 'userId' });
User.hasOne(Profile, { foreignKey: { name: 'userId', allowNull: false } }); // may not be NULL
Profile.belongsTo(User, { foreignKey: { name: 'userId', allowNull: false } });
User.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(User, { through: 'Enrollments' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
const post = await ana.createPost({ title: 'Ten rules for sourdough' });
await bo.createPost({ title: 'A week of night trains' });
await ana.createProfile({ bio: 'Bakes bread' });
const algebra = await Course.create({ title: 'Algebra' });
await ana.addCourse(algebra);
await bo.addCourse(algebra);

await ana.destroy();
console.log(
  `Ana's post: userId ${post.userId} in memory, ${(await post.reload()).userId} in the table`,
);
console.log(`Profiles left: ${await Profile.count()}`);
console.log(
  `Enrolments left: ${await sequelize.models.Enrollments.count()}, courses: ${await Course.count()}`,
);

// ON UPDATE CASCADE: when Bo's id changes, his posts and enrolments follow.
await User.update({ id: 20 }, { where: { id: bo.id } });
const bosPost = await Post.findOne({ where: { title: 'A week of night trains' } });
console.log(`Bo's post now has userId ${bosPost.userId}`);
