import { Sequelize, DataTypes, Op } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Post = sequelize.define(
  'Post',
  { title: DataTypes.STRING, status: DataTypes.STRING, views: DataTypes.INTEGER },
  {
    timestamps: false,
    defaultScope: { where: { status: 'published' } },
    scopes: {
      popular: { where: { views: { [Op.gte]: 100 } } },
      titled: (prefix) => ({ where: { title: { [Op.like]: `${prefix}%` } } }),
    },
  },
);

await sequelize.sync();
await Post.bulkCreate([
  { title: 'Alpha', status: 'published', views: 150 },
  { title: 'Beta', status: 'draft', views: 500 },
  { title: 'Gamma', status: 'published', views: 20 },
]);
console.log((await Post.findAll()).map((p) => p.title));
console.log((await Post.scope('popular').findAll()).map((p) => p.title));
console.log((await Post.scope(['defaultScope', 'popular']).findAll()).map((p) => p.title));
console.log((await Post.unscoped().findAll({ order: [['views', 'DESC']] })).map((p) => p.title));
console.log((await Post.scope({ method: ['titled', 'G'] }).findAll()).map((p) => p.title));
