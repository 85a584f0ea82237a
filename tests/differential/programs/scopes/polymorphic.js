import { Sequelize, DataTypes } from 'sequelize';

// A polymorphic association: comments on images and videos, told apart by commentableType.
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Image = sequelize.define('Image', { url: DataTypes.STRING }, { timestamps: false });
const Video = sequelize.define('Video', { url: DataTypes.STRING }, { timestamps: false });
const Comment = sequelize.define(
  'Comment',
  { body: DataTypes.STRING, commentableId: DataTypes.INTEGER, commentableType: DataTypes.STRING },
  { timestamps: false },
);
Image.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentableType: 'image' } });
Video.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentableType: 'video' } });
Comment.belongsTo(Image, { foreignKey: 'commentableId', constraints: false });
Comment.belongsTo(Video, { foreignKey: 'commentableId', constraints: false });

await sequelize.sync();
const image = await Image.create({ url: 'i.png' });
const video = await Video.create({ url: 'v.mp4' });
await image.createComment({ body: 'pretty' });
await video.createComment({ body: 'loud' });
console.log((await image.getComments()).map((c) => `${c.body} on ${c.commentableType}`));
console.log(await Comment.findAll({ raw: true }));
