/**
 * Vite plugin for the search worker bundle only: drops the parts of lunr 2.3.9 the browser never
 * runs — the English stemmer and stop-word list (the shared analyzer makes the tokens; the
 * pipelines are empty) and the query-string lexer/parser (queries are built with index.query(),
 * never index.search()). Scoring code (Index.query, Vector, TokenSet, Query) is untouched.
 * lunr is no longer developed, so its source is stable; if a marker is missing (another lunr),
 * the build fails here instead of shipping a broken worker. Saves about 3 KB gzip of the worker.
 */
const CUTS = [
  ['lunr.stemmer = (function(){', "lunr.Pipeline.registerFunction(lunr.stemmer, 'stemmer')", 'lunr.stemmer = function (token) { return token }\n'],
  ['lunr.stopWordFilter = lunr.generateStopWordFilter([', "lunr.Pipeline.registerFunction(lunr.stopWordFilter, 'stopWordFilter')", 'lunr.stopWordFilter = function (token) { return token }\n'],
  ['lunr.QueryLexer = function (str) {', '  /**\n   * export the module via AMD', ''],
];

/** @returns {import('vite').Plugin} */
export function lunrQueryOnly() {
  return {
    name: 'lunr-query-only',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lunr[\\/]lunr\.js$/.test(id)) return null;
      let out = code;
      for (const [from, to, replacement] of CUTS) {
        const a = out.indexOf(from);
        const b = out.indexOf(to, a);
        if (a < 0 || b < 0) throw new Error(`lunr-query-only: marker not found in ${id}: ${a < 0 ? from : to}`);
        out = out.slice(0, a) + replacement + out.slice(b);
      }
      return { code: out, map: null };
    },
  };
}
