import { defineExercise } from '#exercise';

export default defineExercise({
  topic: 'has-one',
  difficulty: 1,
  title: 'Give every user a profile',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'user-has-one-profile',
      kind: 'association',
      title: 'User has one Profile (foreign key userId)',
      type: 'hasOne',
      source: 'User',
      target: 'Profile',
      foreignKey: 'userId',
    },
    {
      id: 'profile-belongs-to-user',
      kind: 'association',
      title: 'Profile belongs to User (foreign key userId)',
      type: 'belongsTo',
      source: 'Profile',
      target: 'User',
      foreignKey: 'userId',
    },
    {
      id: 'profiles-reference-users',
      kind: 'foreign-key',
      title: 'The Profiles table has a foreign key userId → Users.id',
      table: 'Profiles',
      column: 'userId',
      references: { table: 'Users', column: 'id' },
    },
    {
      id: 'bio-of-a-user',
      kind: 'probe',
      title: 'bioOf(user) returns the bio on that user’s own profile',
      probe: {
        seed: [
          { as: 'neighbour', model: 'User', values: { name: { random: 'name' } } },
          { as: 'member', model: 'User', values: { name: { random: 'name' } } },
          { as: 'neighbourProfile', model: 'Profile', values: { bio: { random: 'title' }, userId: { ref: 'neighbour', attribute: 'id' } } },
          { as: 'memberProfile', model: 'Profile', values: { bio: { random: 'title' }, userId: { ref: 'member', attribute: 'id' } } },
        ],
        call: { export: 'bioOf', args: ['member'] },
      },
    },
    {
      id: 'bio-of-a-newcomer',
      kind: 'probe',
      title: 'bioOf(user) returns null for a user without a profile',
      probe: {
        seed: [{ as: 'newcomer', model: 'User', values: { name: { random: 'name' } } }],
        call: { export: 'bioOf', args: ['newcomer'] },
      },
    },
    {
      id: 'get-user-works',
      kind: 'probe',
      title: 'profile.getUser() finds the user a profile belongs to',
      probe: {
        seed: [
          { as: 'member', model: 'User', values: { name: { random: 'name' } } },
          { as: 'profile', model: 'Profile', values: { bio: { random: 'title' }, userId: { ref: 'member', attribute: 'id' } } },
        ],
        call: { method: 'getUser', on: 'profile' },
      },
      project: ['name'],
    },
  ],
});
