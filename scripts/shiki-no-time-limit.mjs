/**
 * A Shiki transformer that lifts Shiki's per-line time limit (500 ms by default). Past the
 * limit Shiki returns the rest of the line as one token in one colour: at build time on a busy
 * machine, a grammar's first lines (its regular expressions being compiled) can take that long,
 * and a code block came out half-coloured. Used by the markdown code blocks (astro.config.mjs)
 * and the home page's <Code>; the playground's static code sets the same (static-code.ts).
 *
 * @type {import('shiki').ShikiTransformer}
 */
export const shikiNoTimeLimit = {
  name: 'assoclab:no-time-limit',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};
