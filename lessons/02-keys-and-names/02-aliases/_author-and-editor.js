import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// Two relationships between the same two models, told apart by their names.
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'editor', foreignKey: 'editorId' });
User.hasMany(Post, { as: 'writtenPosts', foreignKey: 'authorId' });
User.hasMany(Post, { as: 'editedPosts', foreignKey: 'editorId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const bo = await User.create({ name: 'Bo Chen' });
await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id, editorId: bo.id });
await Post.create({ title: 'A week of night trains', authorId: bo.id, editorId: ana.id });
await Post.create({ title: 'Small gardens', authorId: ana.id, editorId: ana.id });

// One query, two joins to Users: one for each name.
const posts = await Post.findAll({
  include: [
    { model: User, as: 'author' },
    { model: User, as: 'editor' },
  ],
  order: [['id', 'ASC']],
});
for (const post of posts) {
  console.log(`${post.title}: written by ${post.author.name}, edited by ${post.editor.name}`);
}

// From the other side, each name has its own accessors.
const written = await ana.getWrittenPosts();
const edited = await ana.getEditedPosts();
console.log(`${ana.name} wrote ${written.length} posts and edited ${edited.length}`);
