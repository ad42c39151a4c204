import { describe, expect, it } from 'vitest';
import { buildSearchFiles } from '../../src/lib/search/build';
import { SearchEngine, escapeHtml } from '../../src/lib/search/engine';
import { MANIFEST_FILE, type FragmentFileJSON, type ManifestJSON } from '../../src/lib/search/shards';
import type { SearchDoc } from '../../src/lib/search/types';

const docs: SearchDoc[] = [
  {
    type: 'lesson',
    title: '协调的概念与本质',
    module: '第1单元 认识协调工作',
    url: '/learn/understanding/concept/',
    sections: [
      { anchor: '', heading: '', text: '本课讲协调的定义。' },
      { anchor: '一协调的定义', heading: '一、协调的定义', text: '协调就是沟通信息、通报情况、解决矛盾。' },
      { anchor: '协调的本质', heading: '协调的本质', text: '对各方利益加以调节,使之达到均衡。<b>粗体</b> & 符号' },
    ],
  },
  {
    type: 'case',
    title: '小李协助谈判',
    module: '第6单元 案例',
    url: '/learn/cases/xiaoli-negotiation/',
    sections: [{ anchor: '案例背景', heading: '案例背景', text: '外事处秘书小李陪同新处长谈判,处长说“不谈拉倒”。OA系统里有记录。' }],
  },
  { type: 'term', title: '协调', aliases: ['调和'], module: '术语表', url: '/glossary/#term-xietiao', sections: [{ anchor: '', heading: '', text: '使各方步调一致的工作。' }] },
  { type: 'term', title: '均衡', module: '术语表', url: '/glossary/#term-junheng', sections: [{ anchor: '', heading: '', text: '各方都能接受的状态。' }] },
  { type: 'quiz', title: '下列哪一项最准确地概括了协调的本质?', module: '第1单元 · 协调的概念与本质', url: '/learn/understanding/concept/#练一练', sections: [{ anchor: '', heading: '', text: '调节利益达到均衡\n替领导决定' }] },
];

// Small shards and fragment files, so these few documents still span several of each.
const files = buildSearchFiles(docs, { shardBytes: 300, fragmentBytes: 200 });
/** Opens the engine over the files, parsing each fetched file like the browser does. */
const open = (f: Map<string, string> = files) => SearchEngine.open(async (name) => JSON.parse(f.get(name) ?? '(missing)'));
const engine = await open();
const titles = async (q: string, opts = {}) => (await engine.search(q, opts)).results.map((r) => r.title);

describe('index build', () => {
  it('stores no term positions and no field vectors', async () => {
    for (const [name, text] of files) expect(text, name).not.toMatch(/position|fieldVectors/);
  });
  it('keeps the text in fragments with section anchors', async () => {
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!) as ManifestJSON;
    const f0 = JSON.parse(files.get(manifest.frags[0]![1])!) as FragmentFileJSON;
    expect(f0.docs[0]![1][1]).toEqual(['一协调的定义', '一、协调的定义\n协调就是沟通信息、通报情况、解决矛盾。']);
  });
});

describe('search', () => {
  it('finds Chinese text by bigrams, all tokens required', async () => {
    expect(await titles('通报情况')).toEqual(['协调的概念与本质']);
    expect(await titles('沟通均衡')).not.toContain('小李协助谈判');
  });
  it('a single Chinese character still finds something', async () => {
    expect(await titles('谈')).toContain('小李协助谈判');
    expect((await titles('衡')).length).toBeGreaterThan(0);
  });
  it('ranks a title equal to the query first, then title matches, then text matches', async () => {
    const r = (await engine.search('协调')).results;
    expect(r[0]!.title).toBe('协调');
    expect(r[0]!.tier).toBe(0);
    expect(r[1]!.title).toBe('协调的概念与本质');
    expect(r.map((x) => x.tier)).toEqual([...r.map((x) => x.tier)].sort((a, b) => a - b));
  });
  it('a quiz question mentioning the query ranks as text, after a lesson title containing it', async () => {
    const r = (await engine.search('概括')).results;
    expect(r.map((x) => x.type)).toEqual(['quiz']);
    expect(r[0]!.tier).toBe(3);
    const r2 = (await engine.search('本质')).results.map((x) => x.type);
    expect(r2.indexOf('lesson')).toBeLessThan(r2.indexOf('quiz'));
  });
  it('an alias counts like a title', async () => {
    expect((await titles('调和'))[0]).toBe('协调');
  });
  it('links to the section of the first match', async () => {
    const r = (await engine.search('利益')).results.find((x) => x.type === 'lesson')!;
    expect(r.url).toBe('/learn/understanding/concept/#协调的本质');
    expect((await engine.search('概念与本质')).results.find((x) => x.type === 'lesson')!.url).toBe('/learn/understanding/concept/');
  });
  it('falls back to pages matching most tokens when none has them all', async () => {
    const out = (await engine.search('通报情况火星'));
    expect(out.partial).toBe(true);
    expect(out.results.map((r) => r.title)).toContain('协调的概念与本质');
    expect(out.results.every((r) => !r.exact)).toBe(true);
  });
  it('marks the match in an escaped snippet', async () => {
    const r = (await engine.search('粗体')).results[0]!;
    expect(r.snippet).toContain('&lt;b&gt;<mark>粗体</mark>&lt;/b&gt; &amp; 符号');
    expect(r.exact).toBe(true);
  });
  it('matches full-width and upper-case input', async () => {
    expect(await titles('ｏａ系统')).toEqual(['小李协助谈判']);
    expect((await engine.search('ＯＡ系统')).results[0]!.snippet).toContain('<mark>OA系统</mark>');
  });
  it('filters by type and counts per type', async () => {
    const out = (await engine.search('均衡', { types: ['term'] }));
    expect(out.results.map((r) => r.type)).toEqual(['term']);
    expect(out.counts.lesson).toBeGreaterThan(0);
    expect(out.counts.quiz).toBe(1);
  });
  it('reports empty queries', async () => {
    expect((await engine.search('  ')).empty).toBe(true);
    expect((await engine.search(undefined)).empty).toBe(true);
  });
});

describe('pinyin (titles, headings and terms only)', () => {
  it('pinyin and initials find glossary terms and lesson titles', async () => {
    expect((await titles('xietiao'))[0]).toBe('协调');
    expect(await titles('xietiao')).toContain('协调的概念与本质');
    expect((await titles('xt'))).toContain('协调');
    expect(await titles('junheng')).toContain('均衡');
    expect(await titles('XieTiao')).toContain('协调');
  });
  it('text that is only in the body is not indexed as pinyin', async () => {
    // 沟通 is in the lesson's text, not in a title or heading.
    expect(await titles('goutong')).toEqual([]);
  });
  it('a pinyin query fetches the word list and the shards of its matches only', async () => {
    const fresh = await open();
    await fresh.search('xietiao', { limit: 5 });
    const manifest = JSON.parse(files.get(MANIFEST_FILE)!) as ManifestJSON;
    const shards = fresh.fetched.filter((f) => f.startsWith('s'));
    expect(fresh.fetched).toContain(manifest.words);
    expect(shards.length).toBeLessThan(manifest.shards.length / 2);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', async () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('fuzz: hostile input never throws, hangs or leaks markup', () => {
  let seed = 42;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const parts = [
    'title:', 'body:', '~', '^', '*', '+', '-', ':', '~2', '^10', '"', "'", '\\', '(', ')', '[', ']', '{', '}',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;', '&lt;', '</mark>', '<mark>',
    '😀', '👩‍👩‍👧', '\u0000', '\u200b', '\ufeff', '\ud800', '　', 'ＡＢＣ', '１２３', '，。！？',
    '协', '协调', '调节利益', '均衡', 'OA', 'a', ' ', '\n', '\t', '⿰', '\u2F54', 'é', 'e\u0301', '𠀀',
  ];
  const inputs: string[] = ['', ' ', '\n\t ', '*', ':', 'title:协调', '协调~1', '+协调 -均衡', '协调^10', 'x'.repeat(5000), '协调'.repeat(2500)];
  while (inputs.length < 1200) {
    let s = '';
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) s += pick(parts);
    if (rand() < 0.05) s = s.repeat(Math.ceil(5000 / Math.max(1, s.length))).slice(0, 5000);
    inputs.push(s);
  }

  it(`runs ${inputs.length} inputs through the query path`, async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
    const t0 = performance.now();
    let worst = 0;
    for (const q of inputs) {
      const start = performance.now();
      const out = (await engine.search(q, { limit: 20 }));
      worst = Math.max(worst, performance.now() - start);
      for (const r of out.results) {
        // Only <mark> tags survive; everything else is escaped text.
        const stripped = r.snippet.replace(/<\/?mark>/g, '');
        expect(stripped).not.toMatch(/[<>"]/);
        expect(r.url.startsWith('/')).toBe(true);
      }
    }
    expect(worst).toBeLessThan(1000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 30_000);
});

describe('shard format', () => {
  const manifest = JSON.parse(files.get(MANIFEST_FILE)!) as ManifestJSON;
  it('round-trips: every term and character of the lunr index is in exactly the shard its key falls in', async () => {
    const { buildSearchIndex } = await import('../../src/lib/search/build');
    const { locate } = await import('../../src/lib/search/shards');
    const { index } = buildSearchIndex(docs);
    expect(manifest.shards.length).toBeGreaterThan(3);
    const seen = new Map<string, number>();
    manifest.shards.forEach(([first, name], i) => {
      const shard = JSON.parse(files.get(name)!) as { t: string[]; c: string[] };
      for (const t of shard.t) {
        expect(locate(manifest.shards, t), t).toBe(i);
        seen.set(t, (seen.get(t) ?? 0) + 1);
      }
      for (const c of shard.c) expect(locate(manifest.shards, c), c).toBe(i);
      expect([...shard.t, ...shard.c].sort()[0]).toBe(first);
    });
    expect([...seen.keys()].sort()).toEqual(index.invertedIndex.map(([t]) => t).sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
  it('scores exactly like lunr over the whole index', async () => {
    const lunr = (await import('lunr')).default;
    const { buildSearchIndex } = await import('../../src/lib/search/build');
    const whole = lunr.Index.load(buildSearchIndex(docs).index);
    for (const q of ['协调', '均衡', '利益', '谈判']) {
      const a = whole.query((qq) => qq.term(q, { usePipeline: false, presence: lunr.Query.presence.REQUIRED }));
      const fresh = await open();
      const b = (await fresh.search(q, { limit: Infinity })).results;
      const byRef = new Map(b.map((r) => [String(r.ref), r.score]));
      expect([...byRef.keys()].sort(), q).toEqual(a.map((r) => r.ref).sort());
      for (const r of a) expect(byRef.get(r.ref), `${q} ${r.ref}`).toBeCloseTo(r.score, 6);
    }
  });
  it('a limited search returns exactly the top of the unlimited one (results past the limit go unscored)', async () => {
    for (const q of ['协调', '调', '均衡', '本质', '谈判', 'xt', '协调的本质', '通报情况火星']) {
      const all = (await (await open()).search(q, { limit: Infinity })).results;
      for (const limit of [1, 2, 3]) {
        const top = (await (await open()).search(q, { limit })).results;
        const key = (r: { ref: number; score: number; tier: number; url: string; snippet: string }) => [r.ref, r.score, r.tier, r.url, r.snippet];
        expect(top.map(key), `${q} ${limit}`).toEqual(all.slice(0, limit).map(key));
      }
    }
  });
  it('scores several tokens exactly like lunr over the whole index: all required, or most of them (fallback)', async () => {
    const lunr = (await import('lunr')).default;
    const { buildSearchIndex } = await import('../../src/lib/search/build');
    const { queryTokens } = await import('../../src/lib/search/analyzer');
    const whole = lunr.Index.load(buildSearchIndex(docs).index);
    const cases: [string, boolean][] = [['通报情况', false], ['协调的本质', false], ['各方利益', false], ['通报情况火星', true], ['解决矛盾均衡水', true]];
    for (const [q, partial] of cases) {
      const terms = queryTokens(q).map((t) => t.text);
      const presence = partial ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED;
      const need = Math.ceil(terms.length / 2);
      const a = whole
        .query((qq) => terms.forEach((t) => qq.term(t, { usePipeline: false, presence })))
        .filter((r) => !partial || Object.keys(r.matchData.metadata).length >= need);
      const out = await (await open()).search(q, { limit: Infinity });
      expect(out.partial, q).toBe(partial);
      const byRef = new Map(out.results.map((r) => [String(r.ref), r.score]));
      expect(a.length, q).toBeGreaterThan(0);
      expect([...byRef.keys()].sort(), q).toEqual(a.map((r) => r.ref).sort());
      for (const r of a) expect(byRef.get(r.ref), `${q} ${r.ref}`).toBeCloseTo(r.score, 6);
    }
  });
  it('a query fetches the manifest, only the shards holding its tokens, and fragments of its results', async () => {
    const fresh = await open();
    await fresh.search('通报情况', { limit: 5 });
    const { locate } = await import('../../src/lib/search/shards');
    const want = new Set(['通报', '报情', '情况'].map((t) => manifest.shards[locate(manifest.shards, t)]![1]));
    const shardFiles = fresh.fetched.filter((f) => f.startsWith('s'));
    expect(new Set(shardFiles)).toEqual(want);
    expect(shardFiles.length).toBe(want.size);
    expect(want.size).toBeLessThan(manifest.shards.length);
    // Fragments: only the file of the one result.
    expect(fresh.fetched.filter((f) => f.startsWith('f'))).toEqual([manifest.frags[0]![1]]);
  });
  it('a shard missing from the manifest loses its terms (the check above would see it)', async () => {
    const broken = JSON.parse(files.get(MANIFEST_FILE)!) as ManifestJSON;
    const { locate } = await import('../../src/lib/search/shards');
    broken.shards.splice(locate(broken.shards, '通报'), 1);
    const f2 = new Map(files).set(MANIFEST_FILE, JSON.stringify(broken));
    const e2 = await open(f2);
    expect((await engine.search('通报')).results.length).toBe(1);
    expect((await e2.search('通报')).results).toEqual([]);
    expect((await e2.search('通报情况')).partial).toBe(true);
  });
});
