import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING }, { timestamps: false });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING }, { timestamps: false });
Post.belongsToMany(Tag, { through: 'PostTags', timestamps: false });
Tag.belongsToMany(Post, { through: 'PostTags', timestamps: false });

await sequelize.sync();
const post = await Post.create({ title: 'p' });
const tags = await Tag.bulkCreate([{ name: 'x' }, { name: 'y' }]);
await post.setTags(tags);
await tags[0].destroy();
console.log(await sequelize.models.PostTags.findAll({ raw: true }));
await post.destroy();
console.log(await sequelize.models.PostTags.count(), await Tag.count());
