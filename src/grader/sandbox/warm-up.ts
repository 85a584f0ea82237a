/**
 * The program a sandbox worker runs before it takes its fingerprint: a little of
 * everything the course's programs do (models, each kind of association, eager loading,
 * an Express route asked once), so that what the runtime and the libraries set up on first
 * use is in place, and is not taken for a program's change.
 */
export const WARM_UP_PROGRAM = `import { Sequelize, DataTypes, Op } from 'sequelize';
import express from 'express';
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.TEXT });
const Tag = sequelize.define('Tag', { label: { type: DataTypes.STRING, allowNull: false } });
User.hasMany(Post, { foreignKey: 'userId', onDelete: 'CASCADE' });
Post.belongsTo(User, { foreignKey: 'userId', as: 'author' });
User.hasOne(Profile);
Profile.belongsTo(User);
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });
await sequelize.sync({ force: true });
const ann = await User.create({ name: 'Ann' });
const post = await Post.create({ title: 'Hello', userId: ann.id });
await ann.createProfile({ bio: 'hi' });
await post.addTag(await Tag.create({ label: 'x' }));
await User.findAll({ include: [Post, Profile], where: { name: { [Op.like]: 'A%' } }, order: [['id', 'ASC']] });
await Post.findOne({ include: [{ model: User, as: 'author' }, Tag] });
await sequelize.transaction(async (t) => User.update({ name: 'Anne' }, { where: { id: ann.id }, transaction: t }));
try { await Tag.create({}); } catch (error) { String(error); }
console.log(JSON.stringify(await ann.getPosts()), [1, { a: 2 }], new Date(0), ann);
const app = express();
app.use(express.json());
app.get('/users/:id', async (req, res) => res.json(await User.findByPk(req.params.id)));
app.listen(3000);
const response = await fetch('http://localhost:3000/users/1');
await response.json();
await sequelize.close();
`;
