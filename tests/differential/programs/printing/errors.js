import { Sequelize, DataTypes, ValidationError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Tag = sequelize.define('Tag', { name: { type: DataTypes.STRING, unique: true } }, { timestamps: false });
await sequelize.sync();
await Tag.create({ name: 'x' });
const failure = await Tag.create({ name: 'x' }).catch((error) => error);
console.log(failure.parent);
console.log(failure.original === failure.parent, failure instanceof ValidationError);
console.log(String(failure), `${failure.parent}`);
console.log(Object.keys(failure));
console.log({ failed: failure.parent });
const plain = new Error('plain');
plain.code = 'E_PLAIN';
console.log(plain);
console.log([new TypeError('in an array')]);
console.log(new Error('outer', { cause: new Error('inner') }).cause.message);
// Sequelize's own classes keep their names when printed (a minified bundle renames them).
const unjoined = await Tag.findAll({ include: Tag }).catch((error) => error);
console.log(unjoined.constructor.name, failure.constructor.name);
console.log(unjoined);
