import { Sequelize, DataTypes, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING });
// A join model with a column of its own: who put the tag on the post.
const PostTag = sequelize.define('PostTag', { addedBy: DataTypes.STRING });

User.hasOne(Profile, { foreignKey: { name: 'userId', allowNull: false } });
Profile.belongsTo(User, { foreignKey: { name: 'userId', allowNull: false } });
User.hasMany(Post, { foreignKey: 'userId', onDelete: 'RESTRICT' });
Post.belongsTo(User, { foreignKey: 'userId', onDelete: 'RESTRICT' });
Post.belongsToMany(Tag, { through: PostTag, foreignKey: 'postId', otherKey: 'tagId' });
Tag.belongsToMany(Post, { through: PostTag, foreignKey: 'tagId', otherKey: 'postId' });

await sequelize.sync({ force: true });

// Ask the database what it holds: each table's foreign keys, and the join table's key.
const select = { type: QueryTypes.SELECT };
for (const table of ['Profiles', 'Posts', 'PostTags']) {
  for (const fk of await sequelize.query(`PRAGMA foreign_key_list(${table})`, select)) {
    console.log(
      `${table}.${fk.from} -> ${fk.table}.${fk.to} ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`,
    );
  }
}
const columns = await sequelize.query('PRAGMA table_info(PostTags)', select);
const key = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
console.log(`PostTags primary key: (${key.map((column) => column.name).join(', ')})`);
