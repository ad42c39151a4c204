/**
 * A synthetic catalogue for the scale benchmark (issue 17, `npm run bench:scale`): the real course's
 * modules, lessons, quizzes and scenarios copied into further "editions" until the course has the
 * requested number of lessons. Copies are not identical: prose lines get deterministic word swaps
 * and a varied edition label, so the search index and pages grow as they would with new text; every
 * code path (quizzes of every kind, scenarios, case lessons, the final pool) is present at every size.
 * Headings are left alone (question refs point at heading anchors).
 * Pure file generation into a directory that already holds a copy of content/.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { mulberry32 } from '../../src/lib/quiz/prng.ts';

/** Word swaps applied to prose (both directions are meaningful Chinese of the same register). */
const SWAPS = [
  ['秘书', '文秘人员'],
  ['领导', '上级'],
  ['部门', '单位'],
  ['工作', '事务'],
  ['问题', '难题'],
  ['沟通', '交流'],
  ['及时', '尽快'],
  ['需要', '要'],
  ['重要', '关键'],
  ['会议', '会商'],
  ['情况', '状况'],
  ['方法', '办法'],
  ['意见', '看法'],
  ['安排', '部署'],
  ['解决', '处理'],
];
const EDITIONS = ['续编', '进阶', '实务', '案例', '拓展', '专题', '研修', '提高', '精讲', '补充'];

/** The project's one seedable generator (run with --experimental-strip-types, as bench:scale is). */
const rng = mulberry32;

/** Varies one prose line: a seeded subset of the swaps, applied to the first occurrence each. */
export function varyLine(line, rand) {
  let out = line;
  for (const [a, b] of SWAPS) if (rand() < 0.45 && out.includes(a)) out = out.replace(a, b);
  return out;
}

const isProse = (line) => {
  const t = line.trim();
  return t !== '' && !/^(#|<|\||import |export |---|```|:::|-\s*\{)/.test(t) && !/^[a-zA-Z]+:/.test(t) && !/[{}]/.test(t);
};

/**
 * Adds copies to `contentDir` (a copy of content/) until the course has `lessons` lessons.
 * Returns the number of lessons written in total.
 * @param {string} contentDir
 * @param {number} lessons
 */
export function growCatalogue(contentDir, lessons) {
  const modulesDir = join(contentDir, 'modules');
  const lessonsDir = join(contentDir, 'lessons');
  const quizDir = join(contentDir, 'quizzes');
  const scenDir = join(contentDir, 'scenarios');
  const moduleIds = readdirSync(modulesDir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  // The course-end assessment stays one lesson, last.
  const copyable = moduleIds.filter((m) => m !== 'assessment').sort((a, b) => orderOf(a) - orderOf(b));
  function orderOf(m) {
    return Number(/^order:\s*(\d+)/m.exec(readFileSync(join(modulesDir, `${m}.yaml`), 'utf8'))?.[1] ?? 0);
  }
  const lessonFiles = (m) => readdirSync(join(lessonsDir, m)).filter((f) => f.endsWith('.mdx')).sort();
  let total = moduleIds.reduce((n, m) => n + lessonFiles(m).length, 0);
  if (existsSync(join(modulesDir, 'assessment.yaml'))) {
    const p = join(modulesDir, 'assessment.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/^order:\s*\d+/m, 'order: 99999'));
  }
  const poolPath = join(quizDir, 'final-assessment.yaml');
  // The real course's scenarios by lesson, read once (scanning the growing folder per copied lesson
  // made generating 1,000 lessons take half a minute).
  /** @type {Map<string, [string, string][]>} */
  const scenariosOf = new Map();
  for (const sf of readdirSync(scenDir).filter((f) => f.endsWith('.yaml'))) {
    const s = readFileSync(join(scenDir, sf), 'utf8');
    const lesson = /^lesson:\s*([^\s#]+)\s*$/m.exec(s)?.[1];
    if (lesson) scenariosOf.set(lesson, [...(scenariosOf.get(lesson) ?? []), [sf.replace(/\.yaml$/, ''), s]]);
  }
  const pool = existsSync(poolPath) ? parseDocument(readFileSync(poolPath, 'utf8')) : null;
  for (let c = 2; total < lessons; c++) {
    for (const m of copyable) {
      if (total >= lessons) break;
      const rand = rng(c * 7919 + m.length);
      const edition = `${EDITIONS[(c - 2) % EDITIONS.length]}${Math.ceil((c - 1) / EDITIONS.length)}`;
      const nm = `${m}-e${c}`;
      const ren = (s) => s.replace(new RegExp(`(^|[\\s"'(/])${m}/`, 'g'), `$1${nm}/`);
      const mod = readFileSync(join(modulesDir, `${m}.yaml`), 'utf8')
        .replace(/^order:\s*(\d+)/m, (_, o) => `order: ${c * 100 + Number(o)}`)
        .replace(/^title:\s*(.+)$/m, (_, t) => `title: ${t}（${edition}）`)
        .split('\n')
        .map((l) => (/^(summary|  - )/.test(l) ? varyLine(l, rand) : l))
        .join('\n');
      writeFileSync(join(modulesDir, `${nm}.yaml`), mod);
      mkdirSync(join(lessonsDir, nm), { recursive: true });
      for (const f of lessonFiles(m)) {
        if (total >= lessons) break;
        const slug = f.replace(/\.mdx$/, '');
        const oldQuiz = `${m}-${slug}`;
        const newQuiz = `${nm}-${slug}`;
        let inFront = 0;
        const text = readFileSync(join(lessonsDir, m, f), 'utf8')
          .split('\n')
          .map((l) => {
            if (l.trim() === '---' && inFront < 2) {
              inFront++;
              return l;
            }
            if (inFront === 1) {
              if (/^module:/.test(l)) return `module: ${nm}`;
              if (/^title:/.test(l)) return `${l}（${edition}）`;
              if (/^description:/.test(l)) return varyLine(l, rand);
              return l;
            }
            return isProse(l) ? varyLine(l, rand) : l;
          })
          .join('\n')
          .replaceAll(`<Quiz id="${oldQuiz}"`, `<Quiz id="${newQuiz}"`)
          .replace(/<Scenario id="([^"]+)"/g, (_, id) => `<Scenario id="${id}-e${c}"`);
        writeFileSync(join(lessonsDir, nm, f), text);
        const quiz = join(quizDir, `${oldQuiz}.yaml`);
        if (existsSync(quiz)) {
          const q = readFileSync(quiz, 'utf8')
            .split('\n')
            .map((l) => (/^(\s*)(prompt|feedback|explanation|- text|text):/.test(l) ? varyLine(l, rand) : l))
            .join('\n');
          writeFileSync(join(quizDir, `${newQuiz}.yaml`), ren(q).replace(/^title:\s*(.+)$/m, (_, t) => `title: ${t}（${edition}）`));
        }
        for (const [id, s] of scenariosOf.get(`${m}/${slug}`) ?? []) {
          writeFileSync(join(scenDir, `${id}-e${c}.yaml`), ren(s).replace(/^title:\s*(.+)$/m, (_, t) => `title: ${t}（${edition}）`));
        }
        total++;
      }
      if (pool) addToFinalPool(pool, m, nm);
    }
  }
  if (pool) {
    // The paper is drawn stratified by module: it needs at least one question per module.
    const modules = readdirSync(modulesDir).filter((f) => f.endsWith('.yaml')).length - 1;
    const count = Number(pool.getIn(['draw', 'count']) ?? 0);
    if (count && count < modules) pool.setIn(['draw', 'count'], modules);
    writeFileSync(poolPath, pool.toString({ lineWidth: 0 }));
  }
  return total;
}

/**
 * The course-end pool must hold a question on every teaching module (the course model checks it):
 * each copied module gets a copy of the pool's first question on its original, pointing at the copy.
 */
function addToFinalPool(doc, from, to) {
  const questions = doc.get('questions');
  const src = questions?.items?.find((q) => String(q.get('ref') ?? '').startsWith(`${from}/`));
  if (!src) return;
  const copy = src.clone();
  copy.set('id', `${copy.get('id')}-${to}`);
  copy.set('ref', String(copy.get('ref')).replace(`${from}/`, `${to}/`));
  questions.items.push(copy);
}
