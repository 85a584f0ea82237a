import { Sequelize, DataTypes, Op } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Post = sequelize.define('Post', { title: DataTypes.STRING, stars: DataTypes.INTEGER }, { timestamps: false });
User.hasMany(Post);

await sequelize.sync();
const user = await User.create({ name: 'Ada' });
await Post.bulkCreate([1, 5, 3, 4].map((stars) => ({ title: `p${stars}`, stars, UserId: user.id })));
const good = await user.getPosts({ where: { stars: { [Op.gte]: 4 } }, order: [['stars', 'DESC']], attributes: ['title', 'stars'], raw: true });
console.log(good);
console.log(await user.countPosts({ where: { stars: { [Op.lt]: 4 } } }));
const [first] = await user.getPosts({ limit: 1, order: [['stars', 'ASC']] });
console.log(first.title, first.isNewRecord, first.changed());
first.stars = 2;
console.log(first.changed(), first.previous('stars'));
await first.save();
console.log((await Post.findByPk(first.id)).stars);
