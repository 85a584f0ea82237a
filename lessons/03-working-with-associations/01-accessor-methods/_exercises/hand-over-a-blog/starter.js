import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });

User.hasOne(Profile, { foreignKey: 'userId' });
Profile.belongsTo(User, { foreignKey: 'userId' });
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

/** Returns the user's profile; a user without one gets a new profile with the bio "New here". */
export async function ensureProfile(user) {
  throw new Error('ensureProfile(user) is not written yet');
}

/** Moves every post of `from` to `to`; returns the titles of all the posts `to` now has. */
export async function handOver(from, to) {
  throw new Error('handOver(from, to) is not written yet');
}

async function main() {
  await sequelize.sync({ force: true });
  const ana = await User.create({ name: 'Ana Lima' });
  const bo = await User.create({ name: 'Bo Chen' });
  await ana.createProfile({ bio: 'Bakes bread, writes about it' });
  await ana.createPost({ title: 'Ten rules for sourdough' });
  await ana.createPost({ title: 'Why bread needs salt' });
  await bo.createPost({ title: 'A week of night trains' });

  // Ana is leaving the blog: Bo takes over her posts, and gets a profile if he has none.
  console.log(`Ana's profile: ${(await ensureProfile(ana)).bio}`);
  console.log(`Bo's profile: ${(await ensureProfile(bo)).bio}`);
  console.log(`Bo now has: ${(await handOver(ana, bo)).join(', ')}`);
  console.log(`Ana has ${await ana.countPosts()} posts left`);
}

await main();
