import { describe, expect, it } from 'vitest';
import { expressErrorPageText, formatBody } from './app-exchange';

// Express 5's own pages (finalhandler), as its tests in the runtime record them.
const page = (pre: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${pre}</pre>\n</body>\n</html>\n`;

describe('expressErrorPageText', () => {
  it.each([
    ['an unknown route', page('Cannot GET /nope'), 'Cannot GET /nope'],
    ['a route that threw, by its first line', page('Error: the route broke<br> &nbsp; &nbsp;at file:///program.js:4:9'), 'Error: the route broke'],
    [
      'entities decoded',
      page('TypeError: Cannot read properties of null (reading &#39;getPosts&#39;) &amp; more'),
      "TypeError: Cannot read properties of null (reading 'getPosts') & more",
    ],
  ])('reads %s', (_name, body, text) => {
    expect(expressErrorPageText(body)).toBe(text);
  });

  it.each([
    ['JSON', '{"error":"not found"}'],
    ['plain text', 'Cannot GET /nope'],
    ['an HTML page of the app’s own', '<!DOCTYPE html><html><body><h1>Hello</h1></body></html>'],
    ['nothing', ''],
  ])('leaves %s alone', (_name, body) => {
    expect(expressErrorPageText(body)).toBeUndefined();
  });
});

describe('formatBody', () => {
  it('pretty-prints JSON, and shows anything else as sent', () => {
    expect(formatBody({ body: '{"a":[1]}', headers: [['Content-Type', 'application/json; charset=utf-8']] })).toEqual({
      text: '{\n  "a": [\n    1\n  ]\n}',
      json: true,
    });
    expect(formatBody({ body: 'not json', headers: [['content-type', 'application/json']] })).toEqual({ text: 'not json', json: false });
    // Express's page: as sent, and what it says beside it.
    expect(formatBody({ body: page('Cannot GET /nope'), headers: [['content-type', 'text/html; charset=utf-8']] })).toEqual({
      text: page('Cannot GET /nope'),
      json: false,
      errorPage: 'Cannot GET /nope',
    });
  });
});
