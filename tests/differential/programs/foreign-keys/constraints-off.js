import { Sequelize, DataTypes, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', { name: DataTypes.STRING }, { timestamps: false });
const Note = sequelize.define('Note', { text: DataTypes.STRING }, { timestamps: false });
User.hasMany(Note, { constraints: false });
Note.belongsTo(User, { constraints: false });

await sequelize.sync();
const note = await Note.create({ text: 'orphan', UserId: 42 });
console.log('saved without a user:', note.UserId);
console.log(await sequelize.query('PRAGMA foreign_key_list(Notes)', { type: QueryTypes.SELECT }));
console.log(await sequelize.getQueryInterface().getForeignKeyReferencesForTable('Notes'));
