/**
 * `npm run bench:search-build -- [lessons=1000] [runs=3] [dist=dist]`: the CPU time of building the search
 * data files at catalogue size, with lunr's own Builder (the reference) and with the build's own path
 * (lunrFieldWeights), and whether both wrote the same bytes. Reads the BUILT course's search documents
 * (dist/search/data) and clones lessons, cases and their questions with varied text, as
 * scripts/search-scale.ts does (the same generator: scripts/lib/search-clone.ts). Prints medians of `runs`, split into the steps of the build (tokens, weights,
 * shards), in CPU time of this process (user + system), with the wall time and load beside.
 */
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildLunrIndex, docInfos, FIELD_NAMES, indexedDocs, lunrFieldWeights } from '../src/lib/search/build.ts';
import { weightsFromLunr, writeShards } from '../src/lib/search/shards.ts';
import { cloneSearchDocs } from './lib/search-clone.ts';

const lessons = Number(process.argv[2] ?? 1000);
const runs = Math.max(1, Number(process.argv[3] ?? 3));
const dist = process.argv[4] ?? 'dist';
const { docs, count } = cloneSearchDocs(dist, lessons);

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
