import { Sequelize, DataTypes, Model } from 'sequelize';
import type {
  InferAttributes,
  InferCreationAttributes,
  CreationOptional,
  ForeignKey,
} from 'sequelize';
import type {
  HasManyGetAssociationsMixin,
  HasManyCreateAssociationMixin,
  BelongsToGetAssociationMixin,
} from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare name: string;
  // Added at run time by User.hasMany(Post); declared so TypeScript knows them.
  declare getPosts: HasManyGetAssociationsMixin<Post>;
  declare createPost: HasManyCreateAssociationMixin<Post, 'userId'>;
}

class Post extends Model<InferAttributes<Post>, InferCreationAttributes<Post>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare userId: ForeignKey<User['id']>;
  // Added by Post.belongsTo(User).
  declare getUser: BelongsToGetAssociationMixin<User>;
}

User.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: DataTypes.STRING,
  },
  { sequelize, modelName: 'User' },
);
Post.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: DataTypes.STRING,
  },
  { sequelize, modelName: 'Post' },
);

User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });

await sequelize.sync();
const alice = await User.create({ name: 'Alice' });
await alice.createPost({ title: 'Hello' });
await alice.createPost({ title: 'World' });

const posts: Post[] = await alice.getPosts();
console.log(posts.map((post) => post.title));

const author = await posts[0]!.getUser();
console.log(`${posts[0]!.title} was written by ${author.name}`);
