/**
 * The index build's own path (lunrFieldWeights, issue 17) against lunr's Builder: the same weights to
 * the bit, and byte-identical search data files, on a seeded corpus with everything the builder meets
 * (repeated tokens, empty fields, words and pinyin, aliases, questions, one-document terms, terms in
 * every document, upper-case tokens that lunr lower-cases).
 */
import { describe, expect, it } from 'vitest';
import {
  buildLunrIndex,
  buildSearchFiles,
  buildSearchFilesWithLunr,
  FIELD_NAMES,
  indexedDocs,
  lunrFieldWeights,
  type IndexedDoc,
} from '../../src/lib/search/build';
import { decodePosting, MANIFEST_FILE, weightsFromLunr, type ManifestJSON, type ShardJSON, type TermWeights } from '../../src/lib/search/shards';
import type { SearchDoc } from '../../src/lib/search/types';

let seed = 17;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const HAN = '协调工作秘书领导部门关系沟通信息矛盾利益均衡会议文件计划组织原则方法政策事务';
const WORDS = ['OA', 'oa', 'ppt', '2024', 'email', 'Excel', '3'];
const sentence = (len: number) => Array.from({ length: len }, () => (rand() < 0.1 ? ` ${pick(WORDS)} ` : pick([...HAN]))).join('') + '。';

function corpus(n: number): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    const type = pick(['lesson', 'lesson', 'case', 'term', 'quiz'] as const);
    const sections = Array.from({ length: type === 'lesson' ? 1 + Math.floor(rand() * 5) : 1 }, (_, k) => ({
      anchor: k ? `s${k}` : '',
      heading: k ? sentence(2 + Math.floor(rand() * 6)) : '',
      text: rand() < 0.05 ? '' : Array.from({ length: 1 + Math.floor(rand() * 6) }, () => sentence(3 + Math.floor(rand() * 30))).join(''),
    }));
    docs.push({
      type,
      title: i % 7 === 0 ? '协调' : sentence(2 + Math.floor(rand() * 8)).slice(0, -1),
      aliases: type === 'term' && rand() < 0.5 ? [sentence(2 + Math.floor(rand() * 3)).slice(0, -1)] : undefined,
      module: `第${1 + (i % 5)}单元`,
      url: `/learn/m${i % 5}/l${i}/`,
      sections,
    });
  }
  return docs;
}

/** 300 lessons holding '丁一丁' (terms 丁一 and 一丁, nowhere else); lesson 5 is very long. */
const everyDoc = (): SearchDoc[] =>
  Array.from({ length: 300 }, (_, i) => ({
    type: 'lesson',
    title: `第${i}课`,
    module: '',
    url: `/l${i}/`,
    sections: [{ anchor: '', heading: '', text: `丁一丁。${i === 5 ? sentence(3000) : sentence(5)}` }],
  }));

/** TermWeights as sorted plain data, so toStrictEqual compares every weight exactly. */
const plain = (w: TermWeights) => [...w].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, per]) => [t, per.map((p) => [p.refs, p.w])]);
/** Exact equality, reporting the first term that differs (a whole-index diff takes minutes to print). */
function expectSameWeights(ours: TermWeights, theirs: TermWeights) {
  const a = plain(ours);
  const b = plain(theirs);
  const i = a.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b[k]));
  if (i >= 0) expect(a[i]).toStrictEqual(b[i]);
  expect(a.length).toBe(b.length);
  expect(a).toStrictEqual(b);
}

describe('index build without lunr.Builder', () => {
  const docs = corpus(300);
  const indexed = indexedDocs(docs);

  it('gives every term, field and document the weight lunr.Builder gives it, to the bit', () => {
    const ours = lunrFieldWeights(indexed);
    const theirs = weightsFromLunr(buildLunrIndex(indexed));
    expect(ours.size).toBeGreaterThan(500);
    expectSameWeights(ours, theirs);
  });

  it('lower-cases tokens as lunr.tokenizer does, and counts empty fields in the average length', () => {
    const raw: IndexedDoc[] = [
      { id: '0', title: ['OA', 'oa', '协调'], headings: [], body: ['Excel', '协调', '协调'], pinyinTitle: [], pinyinHeadings: [] },
      { id: '1', title: [], headings: ['协调'], body: [], pinyinTitle: ['xietiao', 'xt'], pinyinHeadings: [] },
      { id: '2', title: ['协调'], headings: [], body: ['OA'], pinyinTitle: ['xietiao'], pinyinHeadings: ['xt'] },
    ];
    expectSameWeights(lunrFieldWeights(raw), weightsFromLunr(buildLunrIndex(raw)));
    expect(lunrFieldWeights(raw).has('OA')).toBe(false);
  });

  it('keeps weights that round to 0 (a term in about every document), as lunr does', () => {
    // '一丁' and '丁一' in every body, one body very long: their weights there round to 0.000 and must
    // still be written, and both count for the character entries of 一 and 丁.
    const flat = everyDoc();
    const weights = lunrFieldWeights(indexedDocs(flat));
    for (const term of ['一丁', '丁一']) expect(weights.get(term)![FIELD_NAMES.indexOf('body')]!.w[5], term).toBe(0);
    const ours = buildSearchFiles(flat, { shardBytes: 2_000 });
    const theirs = buildSearchFilesWithLunr(flat, { shardBytes: 2_000 });
    expect([...ours]).toEqual([...theirs]);
  });

  it('writes byte-identical search data files (manifest, shards, words, fragments)', () => {
    for (const opts of [{ shardBytes: 2_000, fragmentBytes: 1_500 }, {}]) {
      const ours = buildSearchFiles(docs, opts);
      const theirs = buildSearchFilesWithLunr(docs, opts);
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [name, text] of ours) expect(text, name).toBe(theirs.get(name));
    }
    expect(JSON.parse(buildSearchFiles(docs, { shardBytes: 2_000 }).get(MANIFEST_FILE)!).shards.length).toBeGreaterThan(5);
  });

  it.each([
    ['the corpus', () => docs],
    ['terms in every document', () => everyDoc()],
  ])('a character entry sums, in term order, the weights of the terms holding the character, per field and document (%s)', (_, make) => {
    const files = buildSearchFiles(make(), { shardBytes: 2_000 });
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!) as ManifestJSON;
    const shards = manifest.shards.map(([, name]) => JSON.parse(files.get(name)!) as ShardJSON);
    const terms = shards.flatMap((s) => s.t.map((t, i) => [t, decodePosting(s.p[i]!)] as const)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let checked = 0;
    for (const s of shards) {
      s.c.forEach((ch, i) => {
        const holding = terms.filter(([t]) => t.includes(ch));
        expect(s.ck[i], ch).toBe(holding.length);
        const expected = manifest.fields.map((_, f) => {
          const sums = new Map<number, number>();
          for (const [, per] of holding) per[f]!.refs.forEach((ref, k) => sums.set(ref, (sums.get(ref) ?? 0) + per[f]!.w[k]!));
          const refs = [...sums.keys()].sort((a, b) => a - b);
          return { refs, w: refs.map((r) => Math.round(sums.get(r)! * 1000) / 1000) };
        });
        expect(decodePosting(s.cp[i]!), ch).toEqual(expected);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(HAN.length - 5);
  });
});

describe('lesson text tree', () => {
  it('is the tree rehype-parse builds, without source positions (and so is parseLesson)', async () => {
    const { unified } = await import('unified');
    const { default: rehypeParse } = await import('rehype-parse');
    const parser = unified().use(rehypeParse, { fragment: true });
    const { parseLesson: ours } = await import('../../src/lib/lesson/tree');
    const parseLesson = (html: string) => parser.parse(html);
    const { parseTextTree } = await import('../../src/lib/search/text-tree');
    const html = [
      '<h2 id="一协调">一、协调</h2><p>秘书&nbsp;协调 &amp; <b>沟通<i>信息</b>矛盾</i></p>',
      '<div data-teacher-note=""><p>注</p></div><noscript><p>无脚本</p></noscript>',
      '<table><tr><td>一</td><td>二</td></tr></table><ul><li>甲<li>乙</ul><p>段<p>落',
      '<section data-live-quiz="q1" class="a b"></section><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>',
      '<template><p>模板</p></template><!-- 注释 --><img alt="图" src="/x.png">零散文字<br>',
    ].join('\n');
    const strip = (n: unknown): unknown =>
      Array.isArray(n) ? n.map(strip) : n && typeof n === 'object' ? Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'position').map(([k, v]) => [k, strip(v)])) : n;
    const theirs = parseLesson(html);
    expect(JSON.stringify(theirs)).toContain('"position"');
    expect(JSON.stringify(parseTextTree(html))).not.toContain('"position"');
    expect(strip(parseTextTree(html))).toEqual(strip(theirs));
    expect(JSON.stringify(ours(html))).not.toContain('"position"');
    expect(strip(ours(html))).toEqual(strip(theirs));
  });
});
