import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Player = sequelize.define('Player', { username: DataTypes.STRING }, { timestamps: false });
const Team = sequelize.define('Team', { name: DataTypes.STRING }, { timestamps: false });
const Membership = sequelize.define(
  'Membership',
  { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, role: DataTypes.STRING },
  { timestamps: false },
);
Player.belongsToMany(Team, { through: Membership });
Team.belongsToMany(Player, { through: Membership });
Player.hasMany(Membership);
Membership.belongsTo(Player);
Team.hasMany(Membership);
Membership.belongsTo(Team);

await sequelize.sync();
const [p1, p2] = await Player.bulkCreate([{ username: 'p1' }, { username: 'p2' }]);
const team = await Team.create({ name: 'Blue' });
await Membership.bulkCreate([
  { PlayerId: p1.id, TeamId: team.id, role: 'captain' },
  { PlayerId: p2.id, TeamId: team.id, role: 'keeper' },
]);
const memberships = await Membership.findAll({ include: [Player, Team], order: [['id', 'ASC']] });
console.log(memberships.map((m) => `${m.Player.username} is ${m.role} of ${m.Team.name}`));
const teams = await Team.findAll({ include: { model: Player, through: { attributes: ['role'] } } });
console.log(JSON.stringify(teams));
