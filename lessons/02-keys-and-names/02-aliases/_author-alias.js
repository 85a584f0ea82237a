import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

// The association gets a name of its own: a post has an author, a user has articles.
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
User.hasMany(Post, { as: 'articles', foreignKey: 'authorId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
const post = await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id });
await ana.createArticle({ title: 'Why bread needs salt' });

// The accessors are named after the alias, not after the model.
const author = await post.getAuthor();
console.log(`${post.title} is by ${author.name}`);
console.log(`${ana.name} has ${await ana.countArticles()} articles`);

// So is the property that include fills in.
const loaded = await Post.findByPk(post.id, { include: 'author' });
console.log(`Loaded with include: ${loaded.author.name}`);
console.log(typeof post.getUser, loaded.User);
