import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Team = sequelize.define('Team', { code: { type: DataTypes.STRING, primaryKey: true } }, { timestamps: false });
const Player = sequelize.define('Player', { name: DataTypes.STRING }, { timestamps: false });
Team.hasMany(Player, { foreignKey: 'teamCode', onUpdate: 'CASCADE' });
Player.belongsTo(Team, { foreignKey: 'teamCode' });

await sequelize.sync();
await Team.create({ code: 'RED' });
await Player.bulkCreate([
  { name: 'a', teamCode: 'RED' },
  { name: 'b', teamCode: 'RED' },
]);
await Team.update({ code: 'BLUE' }, { where: { code: 'RED' } });
console.log(await Player.findAll({ raw: true, order: [['id', 'ASC']] }));
