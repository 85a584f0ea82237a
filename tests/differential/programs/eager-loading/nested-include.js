import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
const Comment = sequelize.define('Comment', { body: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);
Post.hasMany(Comment);
Comment.belongsTo(Post);

await sequelize.sync();
const ada = await User.create(
  { name: 'Ada', Posts: [{ title: 'One', Comments: [{ body: 'nice' }, { body: 'meh' }] }, { title: 'Two' }] },
  { include: { model: Post, include: [Comment] } },
);
console.log(ada.id);
const users = await User.findAll({
  include: { model: Post, include: [Comment] },
  order: [
    [Post, 'id', 'ASC'],
    [Post, Comment, 'id', 'ASC'],
  ],
});
console.log(JSON.stringify(users, null, 2));
console.log(users[0].Posts[0].Comments.map((c) => c.body));
