/** Wire format of the search index: a compact encoding of lunr's serialised index. */

export type LunrJSON = {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, number | Record<string, object>>][];
  pipeline: string[];
};

/**
 * Compact form of lunr's serialised index (about half the bytes; see `expandIndex`):
 * terms in lunr's (sorted) order; per term, per field, the doc refs (numbers); field vectors
 * with term numbers delta-encoded and scores rounded to 3 significant digits (plenty for ranking).
 */
export interface CompactIndex {
  v: 2;
  version: string;
  fields: string[];
  terms: string[];
  /** post[t][f] = refs of the docs having term t in field f. */
  post: number[][][];
  /** [fieldRef, [termDelta, score, termDelta, score, …]] */
  vec: [string, number[]][];
}

export function compactIndex(json: LunrJSON): CompactIndex {
  const renumber = new Map<number, number>();
  const terms: string[] = [];
  const post: number[][][] = json.invertedIndex.map(([term, posting], i) => {
    terms.push(term);
    renumber.set(posting._index as number, i);
    return json.fields.map((f) => Object.keys((posting[f] as Record<string, object> | undefined) ?? {}).map(Number));
  });
  const vec = json.fieldVectors.map(([ref, elems]): [string, number[]] => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < elems.length; i += 2) pairs.push([renumber.get(elems[i]!)!, Number(elems[i + 1]!.toPrecision(3))]);
    pairs.sort((a, b) => a[0] - b[0]);
    let prev = 0;
    const out: number[] = [];
    for (const [t, score] of pairs) {
      out.push(t - prev, score);
      prev = t;
    }
    return [ref, out];
  });
  return { v: 2, version: json.version, fields: json.fields, terms, post, vec };
}

/** Back to the JSON lunr.Index.load() reads (runs in the browser). */
export function expandIndex(c: CompactIndex): LunrJSON {
  const invertedIndex = c.terms.map((term, i): [string, Record<string, number | Record<string, object>>] => {
    const posting: Record<string, number | Record<string, object>> = { _index: i };
    c.fields.forEach((f, k) => {
      const refs: Record<string, object> = {};
      for (const r of c.post[i]?.[k] ?? []) refs[r] = {};
      posting[f] = refs;
    });
    return [term, posting];
  });
  const fieldVectors = c.vec.map(([ref, d]): [string, number[]] => {
    const out: number[] = [];
    let t = 0;
    for (let i = 0; i < d.length; i += 2) out.push((t += d[i]!), d[i + 1]!);
    return [ref, out];
  });
  return { version: c.version, fields: c.fields, fieldVectors, invertedIndex, pipeline: [] };
}

