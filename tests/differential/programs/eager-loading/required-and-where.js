import { Sequelize, DataTypes, Op } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING, published: DataTypes.BOOLEAN }, { timestamps: false });
User.hasMany(Post);
Post.belongsTo(User);

await sequelize.sync();
await User.create(
  {
    name: 'Writer',
    Posts: [
      { title: 'Out', published: true },
      { title: 'Draft', published: false },
    ],
  },
  { include: Post },
);
await User.create({ name: 'Lurker' });
const all = await User.findAll({ include: Post, order: [['id', 'ASC']] });
console.log(all.map((u) => `${u.name}: ${u.Posts.length}`));
const writers = await User.findAll({ include: { model: Post, required: true, where: { published: true } } });
console.log(writers.map((u) => `${u.name}: ${u.Posts.map((p) => p.title)}`));
const outer = await User.findAll({ include: { model: Post, required: false, where: { title: { [Op.like]: 'D%' } } }, order: [['id', 'ASC']] });
console.log(outer.map((u) => `${u.name}: ${u.Posts.map((p) => p.title).join(',') || '-'}`));
const viaTop = await User.findAll({ where: { '$Posts.title$': 'Out' }, include: Post });
console.log(viaTop.map((u) => u.name));
