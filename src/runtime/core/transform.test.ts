/** Rewriting learner modules: imports bound to the runtime, exports collected, lines kept. */
import { describe, expect, it } from 'vitest';
import { prepareProgram, ProgramSyntaxError } from './transform';

const bodyLines = (source: string) => prepareProgram(source).body.split('\n').slice(1);

describe('prepareProgram', () => {
  it.each([
    ["import { Sequelize, DataTypes as T } from 'sequelize';", 'const { "Sequelize": Sequelize, "DataTypes": T } = __assoclab.import("sequelize");'],
    ["import express from 'express';", 'const { default: express } = __assoclab.import("express");'],
    ["import * as lib from 'sequelize';", 'const lib = __assoclab.import("sequelize");'],
    ["import 'sequelize';", '__assoclab.import("sequelize");'],
    ["import Seq, { Op } from 'sequelize';", 'const { default: Seq, "Op": Op } = __assoclab.import("sequelize");'],
  ])('rewrites %s', (source, expected) => {
    expect(bodyLines(source)[0]).toBe(expected);
  });

  it('keeps every line where the learner wrote it', () => {
    const source = "import {\n  Sequelize,\n} from 'sequelize';\nconst a = 1;\nexport function f() {}\nconsole.log(a);";
    const lines = bodyLines(source);
    expect(lines[3]).toBe('const a = 1;');
    expect(lines[4]).toBe('function f() {__assoclab_guard();}');
    expect(lines[5]).toBe('console.log(a);');
  });

  it('lists imported and required modules with their lines', () => {
    const prepared = prepareProgram("import express from 'express';\nconst { Op } = require('sequelize');\nconst x = await import('lodash');");
    expect(prepared.modules).toEqual([
      { specifier: 'express', location: { line: 1, column: 1 } },
      { specifier: 'sequelize', location: { line: 2, column: 16 } },
    ]);
    expect(prepared.body).toContain('__assoclab.dynamicImport(');
  });

  it('collects every form of export', () => {
    const prepared = prepareProgram(
      'export const a = 1, { b } = { b: 2 };\nexport async function postsOf() {}\nexport class K {}\nconst c = 3;\nexport { c as see };\nexport default 42;',
    );
    expect(prepared.exportNames).toEqual(['a', 'b', 'postsOf', 'K', 'see', 'default']);
  });

  it('reports a syntax error with its line and column', () => {
    expect(() => prepareProgram('const ok = 1;\nconst = 2;')).toThrowError(ProgramSyntaxError);
    try {
      prepareProgram('const ok = 1;\nconst = 2;');
    } catch (error) {
      expect((error as ProgramSyntaxError).location).toEqual({ line: 2, column: 7 });
    }
  });

  it.each([
    ['while (true) {}', 'while (true) {__assoclab_guard();}'],
    ['while (i < 3) i++;', 'while (i < 3) {__assoclab_guard();i++;}'],
    ['do x++; while (x < 3);', 'do {__assoclab_guard();x++;} while (x < 3);'],
    ['for (;;);', 'for (;;){__assoclab_guard();;}'],
    ['for (const x of xs) { f(x); }', 'for (const x of xs) {__assoclab_guard(); f(x); }'],
    ['for await (const x of xs) {}', 'for await (const x of xs) {__assoclab_guard();}'],
    ['for (const k in o) g(k);', 'for (const k in o) {__assoclab_guard();g(k);}'],
    ['async function tick() { await tick(); }', 'async function tick() {__assoclab_guard(); await tick(); }'],
    ['const double = (x) => x * 2;', 'const double = (x) => (__assoclab_guard(), x * 2);'],
    ['const make = () => ({ a: 1 });', 'const make = () => ((__assoclab_guard(), { a: 1 }));'],
    ['class A { get b() { return 1; } }', 'class A { get b() {__assoclab_guard(); return 1; } }'],
    ['const load = () => import("x");', 'const load = () => (__assoclab_guard(), __assoclab.dynamicImport("x"));'],
  ])('guards %s', (source, expected) => {
    expect(bodyLines(source)[0]).toBe(expected);
  });

  it('records where guards went, so columns map back to the learner’s', () => {
    const prepared = prepareProgram('let i = 0;\nwhile (i < 3) i++;\nfor (;;) { f(); }');
    expect(prepared.inserted.get(1)).toBeUndefined();
    expect(prepared.inserted.get(2)).toEqual([
      { at: 14, length: '{__assoclab_guard();'.length },
      { at: 18, length: 1 },
    ]);
    expect(prepared.inserted.get(3)).toEqual([{ at: 10, length: '__assoclab_guard();'.length }]);
  });

  it('accepts top-level await and a hashbang line', () => {
    expect(() => prepareProgram('#!/usr/bin/env node\nawait Promise.resolve(1);')).not.toThrow();
  });
});
