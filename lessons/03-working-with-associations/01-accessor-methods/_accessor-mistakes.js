import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });
// This time a post must have an author: userId may not be NULL.
User.hasMany(Post, { foreignKey: { name: 'userId', allowNull: false } });
Post.belongsTo(User, { foreignKey: { name: 'userId', allowNull: false } });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
const bosPost = await bo.createPost({ title: 'A week of night trains' });

// 1. has...() without await: a promise, and every promise is "true".
if (ana.hasPost(bosPost)) {
  console.log('1. Without await, Ana "has" Bo\'s post');
}
console.log(`   With await: ${await ana.hasPost(bosPost)}`);

// 2. create...() on a hasOne that is already there adds a second row.
await ana.createProfile({ bio: 'Backend developer' });
await ana.createProfile({ bio: 'Bakes bread' });
console.log(`2. Ana has ${await Profile.count({ where: { userId: ana.id } })} profiles`);

// 3. remove...() sets the foreign key to NULL: refused when it may not be NULL.
try {
  await bo.removePost(bosPost);
} catch (error) {
  console.log(`3. ${error.name}: ${error.message}`);
}

// 4. The singular does not exist for get: a user has posts, not "a post".
try {
  await ana.getPost();
} catch (error) {
  console.log(`4. ${error.name}: ${error.message}`);
}
