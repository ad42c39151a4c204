/**
 * `npm run bench:search-build -- [lessons=1000] [runs=3] [dist=dist]`: the CPU time of building the search
 * data files at catalogue size, with lunr's own Builder (the reference) and with the build's own path
 * (lunrFieldWeights), and whether both wrote the same bytes. Reads the BUILT course's search documents
 * (dist/search/data) and clones lessons, cases and their questions with varied text, as
 * scripts/search-scale.ts does (the same seeded generator, repeated here so that script stays a
 * measurer of queries). Prints medians of `runs`, split into the steps of the build (tokens, weights,
 * shards), in CPU time of this process (user + system), with the wall time and load beside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildLunrIndex, docInfos, FIELD_NAMES, indexedDocs, lunrFieldWeights } from '../src/lib/search/build.ts';
import { DOC_TYPES, type SearchDoc } from '../src/lib/search/types.ts';
import { MANIFEST_FILE, SEARCH_DATA_DIR, weightsFromLunr, writeShards, type FragmentFileJSON, type ManifestJSON } from '../src/lib/search/shards.ts';

const lessons = Number(process.argv[2] ?? 1000);
const runs = Math.max(1, Number(process.argv[3] ?? 3));
const dist = process.argv[4] ?? 'dist';
const dir = join(dist, SEARCH_DATA_DIR);
const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ManifestJSON;
const frags = manifest.frags.flatMap(([, f]) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as FragmentFileJSON).docs);

const base: SearchDoc[] = manifest.docs.map(([t, title, aliases, m, u], i) => ({
  type: DOC_TYPES[t]!,
  title: t === 3 ? frags[i]![0] : title,
  aliases,
  module: manifest.modules[m]!,
  url: manifest.urls[u]!,
  sections: frags[i]![1].map(([anchor, text]) => {
    if (!anchor) return { anchor, heading: '', text };
    const nl = text.indexOf('\n');
    return nl < 0 ? { anchor, heading: text, text: '' } : { anchor, heading: text.slice(0, nl), text: text.slice(nl + 1) };
  }),
}));
const pages = base.filter((d) => d.type === 'lesson' || d.type === 'case');
const chars = [...new Set(base.flatMap((d) => [...d.title, ...d.sections.flatMap((s) => [...s.text])]).filter((c) => /\p{Script=Han}/u.test(c)))];
let seed = 1000;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const docs: SearchDoc[] = [...base];
let count = pages.length;
for (let k = 1; count < lessons; k++) {
  const swap = new Map<string, string>();
  for (const c of chars) if (rand() < 0.1) swap.set(c, chars[Math.floor(rand() * chars.length)]!);
  const vary = (s: string) => [...s].map((c) => swap.get(c) ?? c).join('');
  const reUrl = (u: string) => u.replace(/^(\/learn\/[^/]+)\//, `$1-${k}/`);
  for (const page of pages) {
    if (count >= lessons) break;
    count++;
    for (const d of base) {
      if (d !== page && !(d.type === 'quiz' && d.url.startsWith(page.url))) continue;
      docs.push({ ...d, title: vary(d.title), module: `${vary(d.module)} ${k}`, url: reUrl(d.url), sections: d.sections.map((s) => ({ anchor: s.anchor, heading: vary(s.heading), text: vary(s.text) })) });
    }
  }
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(f: () => T): [T, number, number] {
  const c = cpuMs();
  const w = performance.now();
  const out = f();
  return [out, cpuMs() - c, performance.now() - w];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const rows: Record<string, { cpu: number[]; wall: number[] }> = {};
const note = (name: string, cpu: number, wall: number) => {
  rows[name] ??= { cpu: [], wall: [] };
  rows[name].cpu.push(cpu);
  rows[name].wall.push(wall);
};

let same = true;
for (let r = 0; r < runs; r++) {
  const [indexed, tTok, wTok] = timed(() => indexedDocs(docs));
  const [info, tInfo, wInfo] = timed(() => docInfos(docs));
  note('tokens + pinyin (indexedDocs)', tTok, wTok);
  note('display data (docInfos)', tInfo, wInfo);
  const [lunrWeights, tLunr, wLunr] = process.env.SKIP_LUNR ? [lunrFieldWeights(indexed), 0, 0] : timed(() => weightsFromLunr(buildLunrIndex(indexed)));
  note('weights: lunr.Builder + toJSON + taking it apart', tLunr, wLunr);
  const [ours, tOurs, wOurs] = timed(() => lunrFieldWeights(indexed));
  note('weights: lunrFieldWeights', tOurs, wOurs);
  const [a, tShards, wShards] = timed(() => writeShards(ours, FIELD_NAMES, info));
  note('shards, words, fragments, manifest (writeShards)', tShards, wShards);
  const b = writeShards(lunrWeights, FIELD_NAMES, info);
  same &&= a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  if (r === 0) console.log(`${count} lessons+cases, ${docs.length} documents, ${a.size} files, ${([...a.values()].reduce((n, s) => n + s.length, 0) / 1e6).toFixed(1)} MB`);
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; median of ${runs} runs`);
for (const [name, { cpu, wall }] of Object.entries(rows)) console.log(`${(median(cpu) / 1000).toFixed(2).padStart(7)} s CPU  ${(median(wall) / 1000).toFixed(2).padStart(7)} s wall  ${name}`);
console.log(same ? '✔ both paths wrote the same bytes' : '✖ the two paths wrote different files');
process.exitCode = same ? 0 : 1;
