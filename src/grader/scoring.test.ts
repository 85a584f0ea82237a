import { describe, expect, it } from 'vitest';
import { exercisePoints, formatPoints, round2, splitPoints, sumPoints } from './scoring';
import { csvField } from './formats/gradebook';
import { xmlText } from './formats/junit';

describe('scoring', () => {
  it('gives points x checks passed / checks, rounded to 2 decimals', () => {
    expect(exercisePoints(10, 2, 6)).toBe(3.33);
    expect(exercisePoints(10, 4, 6)).toBe(6.67);
    expect(exercisePoints(5, 7, 7)).toBe(5);
    expect(exercisePoints(5, 0, 7)).toBe(0);
    expect(exercisePoints(3, 1, 0)).toBe(0);
    expect(round2(1.005)).toBe(1.01);
  });

  it('adds points in hundredths', () => {
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints([3.33, 6.67, 1.67])).toBe(11.67);
  });

  it('splits earned points among passed checks so they add up exactly', () => {
    expect(splitPoints(6.67, 4)).toEqual([1.67, 1.67, 1.67, 1.66]);
    expect(splitPoints(10, 3)).toEqual([3.34, 3.33, 3.33]);
    expect(sumPoints(splitPoints(3.33, 2))).toBe(3.33);
    expect(splitPoints(0, 0)).toEqual([]);
  });

  it('writes points without trailing zeros', () => {
    expect(formatPoints(10)).toBe('10');
    expect(formatPoints(3.5)).toBe('3.5');
    expect(formatPoints(3.333)).toBe('3.33');
  });
});

describe('escaping', () => {
  it('quotes CSV fields that need it, and defuses spreadsheet formulas', () => {
    expect(csvField('Ann')).toBe('Ann');
    expect(csvField('Lee, Ann')).toBe('"Lee, Ann"');
    expect(csvField('Bo "B" Chen')).toBe('"Bo ""B"" Chen"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('escapes XML text and drops what XML cannot hold', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('bell\u0007 and nul\u0000')).toBe('bell\uFFFD and nul\uFFFD');
  });
});
