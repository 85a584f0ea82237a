/**
 * A worker's warm-up: one run of a fixed program of ours, before any learner program, so
 * that V8 has compiled Sequelize's hot paths (defining models and associations, sync,
 * creates, finds with includes, the accessors) when the learner's program comes. A check
 * in a fresh worker took about 440 ms cold and 25-60 ms after this in Node; in Chromium
 * the gap is of the same kind.
 *
 * The program is bundled here, not sent by the page: a worker that ran it has still run
 * nothing of the learner's, so it still counts as fresh for a check. Its database and
 * Sequelize are its own and are freed like any run's; its result is thrown away.
 */
import { runProgram, type RuntimeHost } from './execute';

export const WARM_UP_PROGRAM = `
import { Sequelize, DataTypes, Op } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: { type: DataTypes.STRING, allowNull: false } });
const Post = sequelize.define('Post', { title: DataTypes.STRING, body: DataTypes.TEXT });
const Tag = sequelize.define('Tag', { label: { type: DataTypes.STRING, unique: true } });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'userId', onDelete: 'CASCADE' });
Post.belongsTo(User, { foreignKey: 'userId' });
User.hasOne(Profile);
Profile.belongsTo(User);
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });
async function main() {
  await sequelize.sync({ force: true });
  const ann = await User.create({ name: 'Ann' });
  const [first] = await Post.bulkCreate([{ title: 'One', userId: ann.id }, { title: 'Two', userId: ann.id }]);
  await ann.createPost({ title: 'Three' });
  await ann.createProfile({ bio: 'hi' });
  const tag = await Tag.create({ label: 'news' });
  await first.addTag(tag);
  const posts = await ann.getPosts({ order: [['id', 'ASC']] });
  const found = await User.findByPk(ann.id, { include: [{ model: Post, include: [Tag] }, Profile], order: [[Post, 'id', 'ASC']] });
  const authors = await Post.findAll({ include: User, where: { title: { [Op.ne]: '' } } });
  await first.getUser();
  await Post.count({ where: { userId: ann.id } });
  await first.update({ title: 'One!' });
  console.log(posts.length, found.toJSON().Posts.length, authors.map((post) => post.get({ plain: true })).length);
  await ann.destroy();
  await sequelize.close();
}
// Awaited: the run ends only when its work has, so none of it is still going when the next request runs.
await main();
`;

/** Runs the warm-up program; whatever happens to it is of no consequence to the next run. */
export async function warmUp(host: RuntimeHost): Promise<void> {
  try {
    await runProgram(WARM_UP_PROGRAM, host, { timeBudgetMs: 3_000, recordChanges: true });
  } catch {
    // A warm-up that failed leaves a colder worker, nothing worse.
  }
}
