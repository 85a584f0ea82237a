import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.TEXT });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { label: DataTypes.STRING });

// One-to-one: a user has one profile; each profile belongs to one user.
User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });

// One-to-many: a user has many posts; each post belongs to one user.
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

// Many-to-many: a post has many tags, a tag is on many posts,
// through a join table.
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });

// The model graph: every association Sequelize now knows,
// and the table that holds its key.
for (const model of [User, Profile, Post, Tag]) {
  for (const association of Object.values(model.associations)) {
    const { source, target, associationType } = association;
    const method = associationType.charAt(0).toLowerCase() + associationType.slice(1);
    // hasOne, hasMany: the key is in the target's table.
    let where = `the key is in ${target.tableName}`;
    if (associationType === 'BelongsTo') where = `the key is in ${source.tableName}`;
    if (associationType === 'BelongsToMany')
      where = `both keys are in ${association.through.model.tableName}`;
    console.log(`${source.name}.${method}(${target.name}): ${where}`);
  }
}

await sequelize.sync({ force: true });

const ada = await User.create({ name: 'Ada' });
await ada.createProfile({ bio: 'Backend developer in Lisbon' });
const post = await ada.createPost({ title: 'Night trains across Europe' });
await post.createTag({ label: 'travel' });
await post.createTag({ label: 'trains' });

const profile = await ada.getProfile();
const posts = await ada.getPosts();
const tags = await post.getTags();
console.log(`${ada.name}: ${profile.bio}`);
console.log(`Posts: ${posts.map((each) => each.title).join(', ')}`);
console.log(`Tagged: ${tags.map((tag) => tag.label).join(', ')}`);
