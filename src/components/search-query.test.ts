import { describe, expect, it } from 'vitest';
import { bestSections, searchQueries } from './search-query';

describe('searchQueries', () => {
  it.each([
    ['accessor', ['accessor']],
    ['  foreign   key ', ['foreign key']],
    ['N+1', ['N1', 'N+1']],
    ['the N+1 problem', ['the N1 problem', 'the N+1 problem']],
    ['(N+1)', ['N1', '(N+1)']],
    ['user.getPosts()', ['usergetPosts', 'user.getPosts()']],
    ['getPosts()', ['getPosts()']],
    ['one-to-many', ['onetomany', 'one-to-many']],
    ['', []],
  ])('%j is tried as %j', (query, expected) => {
    expect(searchQueries(query)).toEqual(expected);
  });
});

describe('bestSections', () => {
  const section = (title: string, url: string, hits: number) => ({ title, url, excerpt: '', locations: Array.from({ length: hits }, (_, i) => i) });

  it('offers the sections with the most matches first, page order among equals, and drops the page itself and sections without a match', () => {
    const sections = [
      section('Page', '/lessons/a/', 5),
      section('Intro', '/lessons/a/#intro', 1),
      section('Accessors', '/lessons/a/#accessors', 4),
      section('Nothing here', '/lessons/a/#nothing', 0),
      section('Summary', '/lessons/a/#summary', 1),
      section('More', '/lessons/a/#more', 1),
    ];
    expect(bestSections(sections).map((item) => item.title)).toEqual(['Accessors', 'Intro', 'Summary']);
    expect(bestSections(sections, 1).map((item) => item.url)).toEqual(['/lessons/a/#accessors']);
  });
});
