import { defineExercise } from '#exercise';

const user = (as: string) => ({ as, model: 'User', values: { name: { random: 'name' as const } } });
const post = (as: string, owner: string) => ({ as, model: 'Post', values: { title: { random: 'title' as const }, userId: { ref: owner, attribute: 'id' } } });

export default defineExercise({
  topic: 'accessor-methods',
  difficulty: 2,
  title: 'Hand over a blog',
  checks: [
    { id: 'runs', kind: 'runs-without-error', title: 'The program runs without an error' },
    {
      id: 'keeps-profile',
      kind: 'probe',
      title: 'ensureProfile() returns the profile a user already has',
      probe: {
        seed: [user('writer'), { as: 'profile', model: 'Profile', values: { bio: { random: 'title' }, userId: { ref: 'writer', attribute: 'id' } } }],
        call: { export: 'ensureProfile', args: ['writer'] },
      },
      project: ['bio'],
    },
    {
      id: 'creates-profile',
      kind: 'probe',
      title: 'ensureProfile() gives a user without a profile a new one',
      probe: { seed: [user('newcomer')], call: { export: 'ensureProfile', args: ['newcomer'] } },
      project: ['bio'],
    },
    {
      id: 'profile-linked',
      kind: 'rows-include',
      title: 'The new profile belongs to its user',
      table: 'Profiles',
      rows: [
        { bio: 'Bakes bread, writes about it', userId: 1 },
        { bio: 'New here', userId: 2 },
      ],
    },
    {
      id: 'hand-over-probe',
      kind: 'probe',
      title: 'handOver(from, to) gives the second user every post of the first, and keeps the ones they had',
      probe: {
        seed: [user('leaving'), user('staying'), post('a', 'leaving'), post('b', 'staying'), post('c', 'leaving')],
        call: { export: 'handOver', args: ['leaving', 'staying'] },
      },
    },
    {
      id: 'posts-moved',
      kind: 'rows-include',
      title: 'Ana’s posts now belong to Bo',
      table: 'Posts',
      rows: [
        { title: 'Ten rules for sourdough', userId: 2 },
        { title: 'Why bread needs salt', userId: 2 },
        { title: 'A week of night trains', userId: 2 },
      ],
    },
    { id: 'no-copies', kind: 'row-count', title: 'The posts are moved, not copied: there are still three', table: 'Posts', min: 3, max: 3 },
  ],
});
