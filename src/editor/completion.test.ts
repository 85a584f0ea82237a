import { describe, expect, it } from 'vitest';
import { accessorFromDisplay } from './completion';

describe('accessorFromDisplay', () => {
  it.each([
    ['(property) User.getPosts: HasManyGetAssociationsMixin<Post>', 'User.hasMany(Post)'],
    ["(property) User.createPost: HasManyCreateAssociationMixin<Post, 'userId'>", 'User.hasMany(Post)'],
    ['(property) Post.getUser: BelongsToGetAssociationMixin<User>', 'Post.belongsTo(User)'],
    ['(property) User.getProfile: HasOneGetAssociationMixin<Profile>', 'User.hasOne(Profile)'],
    ['(property) Post.addTags: BelongsToManyAddAssociationsMixin<Tag, number>', 'Post.belongsToMany(Tag)'],
    ['(property) Post.setTags?: BelongsToManySetAssociationsMixin<Tag, number>', 'Post.belongsToMany(Tag)'],
  ])('%s was added by %s', (display, association) => {
    expect(accessorFromDisplay(display)).toEqual({ association });
  });

  it.each([
    ['(method) Model<any, any>.getDataValue<K>(key: K): any'],
    ['(method) Model<InferAttributes<User>, InferCreationAttributes<User>>.setAttributes(key: string, value: any): User'],
    ['(property) User.getPosts: () => Promise<Post[]>'],
    ['(property) User.name: string'],
    [''],
  ])('%j is not an association accessor', (display) => {
    expect(accessorFromDisplay(display)).toBeUndefined();
  });
});
