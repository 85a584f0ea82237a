import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Profile = sequelize.define('Profile', { bio: DataTypes.STRING });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
User.hasOne(Profile);
Post.belongsToMany(Tag, { through: 'PostTags' });

console.log(User.associations.Posts.accessors);
console.log(Post.associations.User.accessors);
console.log(User.associations.Profile.accessors);
console.log(Post.associations.Tags.accessors);
for (const association of Object.values(User.associations)) {
  console.log(association.associationType, association.as, association.foreignKey, association.isSingleAssociation, association.isMultiAssociation);
}
