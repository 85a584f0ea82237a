/** Express in the browser worker: not bundled yet (see the runtime issue). */
export default function express(): never {
  throw new Error('Express is not available in the browser runtime yet.');
}
