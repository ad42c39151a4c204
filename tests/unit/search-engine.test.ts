import { describe, expect, it } from 'vitest';
import { buildSearchData } from '../../src/lib/search/build';
import { SearchEngine, escapeHtml } from '../../src/lib/search/engine';
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

const { index, store } = buildSearchData(docs);
// Round-trip through JSON like the browser does.
const engine = new SearchEngine(JSON.parse(JSON.stringify(index)), JSON.parse(JSON.stringify(store)));
const titles = (q: string, opts = {}) => engine.search(q, opts).results.map((r) => r.title);

describe('index build', () => {
  it('stores no term positions', () => {
    expect(JSON.stringify(index)).not.toContain('position');
  });
  it('keeps a compact plain-text store with section anchors', () => {
    expect(store.docs[0]![5][1]).toEqual(['一协调的定义', '一、协调的定义\n协调就是沟通信息、通报情况、解决矛盾。']);
  });
});

describe('search', () => {
  it('finds Chinese text by bigrams, all tokens required', () => {
    expect(titles('通报情况')).toEqual(['协调的概念与本质']);
    expect(titles('沟通均衡')).not.toContain('小李协助谈判');
  });
  it('a single Chinese character still finds something', () => {
    expect(titles('谈')).toContain('小李协助谈判');
    expect(titles('衡').length).toBeGreaterThan(0);
  });
  it('ranks a title equal to the query first, then title matches, then text matches', () => {
    const r = engine.search('协调').results;
    expect(r[0]!.title).toBe('协调');
    expect(r[0]!.tier).toBe(0);
    expect(r[1]!.title).toBe('协调的概念与本质');
    expect(r.map((x) => x.tier)).toEqual([...r.map((x) => x.tier)].sort((a, b) => a - b));
  });
  it('a quiz question mentioning the query ranks as text, after a lesson title containing it', () => {
    const r = engine.search('概括').results;
    expect(r.map((x) => x.type)).toEqual(['quiz']);
    expect(r[0]!.tier).toBe(3);
    const r2 = engine.search('本质').results.map((x) => x.type);
    expect(r2.indexOf('lesson')).toBeLessThan(r2.indexOf('quiz'));
  });
  it('an alias counts like a title', () => {
    expect(titles('调和')[0]).toBe('协调');
  });
  it('links to the section of the first match', () => {
    const r = engine.search('利益').results.find((x) => x.type === 'lesson')!;
    expect(r.url).toBe('/learn/understanding/concept/#协调的本质');
    expect(engine.search('概念与本质').results.find((x) => x.type === 'lesson')!.url).toBe('/learn/understanding/concept/');
  });
  it('falls back to pages matching most tokens when none has them all', () => {
    const out = engine.search('通报情况火星');
    expect(out.partial).toBe(true);
    expect(out.results.map((r) => r.title)).toContain('协调的概念与本质');
    expect(out.results.every((r) => !r.exact)).toBe(true);
  });
  it('marks the match in an escaped snippet', () => {
    const r = engine.search('粗体').results[0]!;
    expect(r.snippet).toContain('&lt;b&gt;<mark>粗体</mark>&lt;/b&gt; &amp; 符号');
    expect(r.exact).toBe(true);
  });
  it('matches full-width and upper-case input', () => {
    expect(titles('ｏａ系统')).toEqual(['小李协助谈判']);
    expect(engine.search('ＯＡ系统').results[0]!.snippet).toContain('<mark>OA系统</mark>');
  });
  it('filters by type and counts per type', () => {
    const out = engine.search('均衡', { types: ['term'] });
    expect(out.results.map((r) => r.type)).toEqual(['term']);
    expect(out.counts.lesson).toBeGreaterThan(0);
    expect(out.counts.quiz).toBe(1);
  });
  it('reports empty queries', () => {
    expect(engine.search('  ').empty).toBe(true);
    expect(engine.search(undefined).empty).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
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

  it(`runs ${inputs.length} inputs through the query path`, () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
    const t0 = performance.now();
    let worst = 0;
    for (const q of inputs) {
      const start = performance.now();
      const out = engine.search(q, { limit: 20 });
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
  });
});

describe('compact index format', () => {
  it('round-trips: the expanded index answers like lunr’s own serialisation', async () => {
    const lunr = (await import('lunr')).default;
    const { compactIndex, expandIndex } = await import('../../src/lib/search/format');
    const raw = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('title', { boost: 10 });
      this.field('body');
      this.add({ id: '0', title: 'alpha beta', body: 'gamma delta alpha' });
      this.add({ id: '1', title: 'delta', body: 'alpha alpha epsilon zeta' });
      this.add({ id: '2', title: 'eta', body: 'theta gamma' });
    });
    const json = JSON.parse(JSON.stringify(raw.toJSON()));
    const compact = compactIndex(json);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(json).length);
    const again = lunr.Index.load(expandIndex(JSON.parse(JSON.stringify(compact))));
    for (const term of ['alpha', 'delta', 'gamma', 'zeta', 'nothing']) {
      const a = raw.query((q) => q.term(term, { usePipeline: false }));
      const b = again.query((q) => q.term(term, { usePipeline: false }));
      expect(b.map((r) => r.ref)).toEqual(a.map((r) => r.ref));
      b.forEach((r, i) => expect(r.score).toBeCloseTo(a[i]!.score, 2));
    }
  });
});
