import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'editor', foreignKey: 'editorId' });
Comment.belongsTo(User, { as: 'commenter', foreignKey: 'commenterId' });

await sequelize.sync({ force: true });
const ana = await User.create({ name: 'Ana Lima' });
await Post.create({ title: 'Ten rules for sourdough', authorId: ana.id, editorId: ana.id });
await Comment.create({ body: 'Saved me a loaf.', commenterId: ana.id });

// Mistake 1: include the model without saying which association.
try {
  await Post.findAll({ include: User });
} catch (error) {
  console.log(`1. ${error.message}`);
}

// Mistake 2: a name that is not the alias (the association is called "commenter").
try {
  await Comment.findAll({ include: { model: User, as: 'user' } });
} catch (error) {
  console.log(`2. ${error.message}`);
}

// Mistake 3: the right include, the wrong property.
const [post] = await Post.findAll({ include: 'author' });
console.log(`3. post.User is ${post.User}; post.author.name is ${post.author.name}`);

// Mistake 4: two associations to User without names. The second replaces the first.
const Review = sequelize.define('Review', { stars: DataTypes.INTEGER });
Review.belongsTo(User, { foreignKey: 'writtenById' });
Review.belongsTo(User, { foreignKey: 'approvedById' });
console.log(`4. Review's associations: ${Object.keys(Review.associations).join(', ')}`);
console.log(`   review.getUser() follows ${Review.associations.User.foreignKey}`);
