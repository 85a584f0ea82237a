import { Sequelize, DataTypes, Model } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class User extends Model {
  greet() {
    return `Hi, I am ${this.name}`;
  }

  static associate(models) {
    User.hasMany(models.Post, { foreignKey: 'authorId', as: 'posts' });
  }
}
User.init({ name: DataTypes.STRING }, { sequelize, modelName: 'User', timestamps: false });

class Post extends Model {
  static associate(models) {
    Post.belongsTo(models.User, { foreignKey: 'authorId', as: 'author' });
  }
}
Post.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Post', timestamps: false });

Object.values(sequelize.models).forEach((model) => model.associate?.(sequelize.models));
await sequelize.sync();
const user = await User.create({ name: 'Ada', posts: [{ title: 'On engines' }] }, { include: 'posts' });
console.log(user.greet(), user instanceof User, user instanceof Model);
const post = await Post.findOne({ include: 'author' });
console.log(post.author.greet(), post.constructor.name, Post.name, Post.tableName);
