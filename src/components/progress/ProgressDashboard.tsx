/**
 * The /progress/ dashboard (issue 6): overall and per-module progress, quizzes, scenarios, time
 * left, weak spots, export / import / reset. All figures come from src/lib/progress/summary.ts;
 * import validation from transfer.ts. This component only renders and dispatches.
 */
import { useRef, useState } from 'preact/hooks';
import { getProgressStore } from '../../lib/progress/store';
import { quizRows, scenarioRows, summarize, weakSpots, type CourseIndex, type LessonStatus } from '../../lib/progress/summary';
import { countEntries, exportFileName, exportProgress, mergeImport, parseImport } from '../../lib/progress/transfer';
import { useProgress } from '../quiz/useProgress';
import { useCourseIndex } from './useCourseIndex';
import { fmt, type Strings } from '../quiz/strings';
import type { UIStringKey } from '../../i18n/zh-CN';

interface Props {
  /** Only for tests; the page leaves it out and the island reads /course-index.json (issue 17). */
  index?: CourseIndex;
  strings: Strings;
  certificateUrl: string;
}

type Message = { kind: 'ok' | 'error'; text: string } | null;

const STATUS_KEY: Record<LessonStatus, UIStringKey> = {
  done: 'outline.status.done',
  started: 'outline.status.started',
  'not-started': 'outline.status.notStarted',
};
const ICON: Record<LessonStatus, string> = { done: '✔', started: '◐', 'not-started': '○' };

export function formatMinutes(s: Strings, total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? fmt(s, 'progress.hours', { h, m }) : fmt(s, 'progress.minutes', { m });
}

export default function ProgressDashboard({ index: given, strings: s, certificateUrl }: Props) {
  const { data, status } = useProgress();
  const loaded = useCourseIndex();
  const index = given ?? loaded.index;
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  if (!given && loaded.failed) return <p class="pd-loading" role="alert">{fmt(s, 'coursemap.loadFailed')}</p>;
  if (!data || !status || !index) return <p class="pd-loading">{fmt(s, 'progress.loading')}</p>;

  const sum = summarize(data, index);
  const quizzes = quizRows(data, index);
  const scenarios = scenarioRows(data, index);
  const weak = weakSpots(data, index);
  const lessonUrl = new Map(index.modules.flatMap((m) => m.lessons).map((l) => [l.id, l.url]));

  const show = (m: Message) => {
    setMessage(m);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const onExport = () => {
    const now = new Date();
    const name = exportFileName(now);
    const blob = new Blob([exportProgress(getProgressStore().get(), now)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ kind: 'ok', text: fmt(s, 'progress.exportDone', { file: name }) });
  };

  const onImport = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      // Refuse before reading a huge file into memory.
      text = file.size > 2_000_000 ? 'x'.repeat(1_000_001) : await file.text();
    } catch {
      show({ kind: 'error', text: fmt(s, 'progress.importFailed', { reason: fmt(s, 'progress.err.read') }) });
      input.value = '';
      return;
    }
    input.value = '';
    const r = parseImport(text);
    if (!r.ok) {
      show({ kind: 'error', text: fmt(s, 'progress.importFailed', { reason: fmt(s, `progress.err.${r.error}` as UIStringKey) }) });
      return;
    }
    const saved = getProgressStore().update((d) => mergeImport(d, r.data));
    const parts = [fmt(s, 'progress.importOk', { ...countEntries(r.data) })];
    if (r.dropped > 0) parts.push(fmt(s, 'progress.importDropped', { n: r.dropped }));
    if (!saved) parts.push(fmt(s, 'progress.importUnsaved'));
    show({ kind: 'ok', text: parts.join(' ') });
  };

  const askReset = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancelReset = () => {
    setConfirming(false);
    requestAnimationFrame(() => resetRef.current?.focus());
  };
  const doReset = () => {
    // reset() stamps resetAt so other open tabs drop their older copies instead of writing them back.
    getProgressStore().reset();
    setConfirming(false);
    show({ kind: 'ok', text: fmt(s, 'progress.resetDone') });
  };

  const pct = sum.overall.percent;
  return (
    <div class="pd">
      {!status.saved && status.reason && (
        <p class="pd-notice" role="status">
          {fmt(s, `progress.unsaved.${status.reason}` as UIStringKey)}
        </p>
      )}

      <section class="pd-section" aria-labelledby="pd-overall">
        <h2 id="pd-overall">{fmt(s, 'progress.overall')}</h2>
        <div class="pd-bar">
          <label for="pd-bar-all" class="visually-hidden">
            {fmt(s, 'progress.overall')}
          </label>
          <progress id="pd-bar-all" max={sum.overall.total} value={sum.overall.done}>
            {pct}%
          </progress>
          <p class="pd-bar-text" data-overall>
            {fmt(s, 'progress.lessonsDone', { done: sum.overall.done, total: sum.overall.total, pct })}
            {sum.modules.reduce((n, m) => n + m.started, 0) > 0 && (
              <> · {fmt(s, 'progress.started', { n: sum.modules.reduce((n, m) => n + m.started, 0) })}</>
            )}
          </p>
        </div>
        <p data-time-left>
          {sum.minutesLeft > 0
            ? fmt(s, 'progress.timeLeft', { time: formatMinutes(s, sum.minutesLeft), total: formatMinutes(s, sum.minutesTotal) })
            : fmt(s, 'progress.timeDone')}
        </p>
      </section>

      <section class="pd-section" aria-labelledby="pd-modules">
        <h2 id="pd-modules">{fmt(s, 'progress.modules')}</h2>
        <ol class="pd-modules">
          {sum.modules.map((m) => (
            <li key={m.id} data-module-progress={m.id}>
              <div class="pd-bar">
                <label for={`pd-bar-${m.id}`} class="pd-bar-label">
                  {fmt(s, 'progress.moduleBar', { n: m.number, title: m.title })}
                </label>
                <progress id={`pd-bar-${m.id}`} max={m.share.total} value={m.share.done}>
                  {m.share.percent}%
                </progress>
                <p class="pd-bar-text">{fmt(s, 'progress.lessonsDone', { done: m.share.done, total: m.share.total, pct: m.share.percent })}</p>
              </div>
              <details class="pd-lessons">
                <summary>{fmt(s, 'outline.shareLabel', { done: m.share.done, total: m.share.total })}</summary>
                <ul>
                  {m.lessons.map((l) => (
                    <li key={l.id} data-lesson-row={l.id} data-status={l.status}>
                      <span aria-hidden="true" class="pd-icon">
                        {ICON[l.status]}
                      </span>{' '}
                      <a href={l.url}>{l.title}</a> <span class="pd-muted">（{fmt(s, STATUS_KEY[l.status])}）</span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section class="pd-section" aria-labelledby="pd-quizzes">
        <h2 id="pd-quizzes">{fmt(s, 'progress.quizzes')}</h2>
        <div class="pd-table-wrap">
          <table class="pd-table">
            <thead>
              <tr>
                <th scope="col">{fmt(s, 'progress.quiz')}</th>
                <th scope="col">{fmt(s, 'progress.best')}</th>
                <th scope="col">{fmt(s, 'progress.attempts')}</th>
                <th scope="col">{fmt(s, 'progress.result')}</th>
              </tr>
            </thead>
            <tbody>
              {quizzes.map((q) => {
                const url = q.lessonId ? lessonUrl.get(q.lessonId) : undefined;
                return (
                  <tr key={q.id} data-quiz-row={q.id}>
                    <th scope="row">{url ? <a href={url}>{q.title}</a> : q.title}</th>
                    <td>{q.attempts > 0 ? `${q.bestScore}/${q.maxScore}（${q.bestPercent}%）` : '—'}</td>
                    <td>{q.attempts}</td>
                    <td>
                      {q.attempts === 0
                        ? fmt(s, 'progress.notAttempted')
                        : q.passed
                          ? fmt(s, 'progress.passed')
                          : fmt(s, 'progress.notPassed', { pct: q.passPercent })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {scenarios.length > 0 && (
        <section class="pd-section" aria-labelledby="pd-scenarios">
          <h2 id="pd-scenarios">{fmt(s, 'progress.scenarios')}</h2>
          <div class="pd-table-wrap">
            <table class="pd-table">
              <thead>
                <tr>
                  <th scope="col">{fmt(s, 'progress.scenario')}</th>
                  <th scope="col">{fmt(s, 'progress.plays')}</th>
                  <th scope="col">{fmt(s, 'progress.endings')}</th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((sc) => {
                  const url = sc.lessonId ? lessonUrl.get(sc.lessonId) : undefined;
                  return (
                    <tr key={sc.id} data-scenario-row={sc.id}>
                      <th scope="row">{url ? <a href={url}>{sc.title}</a> : sc.title}</th>
                      <td>{sc.plays}</td>
                      <td>
                        {fmt(s, 'progress.endingsCount', { n: sc.reached.length, total: sc.total })}
                        {sc.reached.length > 0 ? (
                          <ul class="pd-endings">
                            {sc.reached.map((e) => (
                              <li key={e.id}>{e.title}</li>
                            ))}
                          </ul>
                        ) : (
                          <span class="pd-muted">（{fmt(s, 'progress.noEndings')}）</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section class="pd-section" aria-labelledby="pd-weak">
        <h2 id="pd-weak">{fmt(s, 'progress.weak')}</h2>
        {weak.length === 0 ? (
          <p>{fmt(s, 'progress.weakNone')}</p>
        ) : (
          <>
            <p>{fmt(s, 'progress.weakIntro')}</p>
            <ol class="pd-weak">
              {weak.map((w) => (
                <li key={w.lessonId} data-weak={w.lessonId}>
                  <a href={w.anchor ? `${w.url}#${encodeURIComponent(w.anchor)}` : w.url}>{w.title}</a>{' '}
                  <span class="pd-muted">{fmt(s, 'progress.weakItem', { n: w.wrong, q: w.questions })}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section class="pd-section" aria-labelledby="pd-cert">
        <h2 id="pd-cert">{fmt(s, 'progress.certificate')}</h2>
        <p>
          <a href={certificateUrl}>{fmt(s, 'progress.certificateLink')}</a>
        </p>
      </section>

      <section class="pd-section" aria-labelledby="pd-data">
        <h2 id="pd-data">{fmt(s, 'progress.data')}</h2>
        <p
          ref={messageRef}
          tabIndex={-1}
          class={`pd-message${message ? ` pd-message-${message.kind}` : ''}`}
          role={message?.kind === 'error' ? 'alert' : 'status'}
          data-message={message?.kind ?? ''}
        >
          {message?.text ?? ''}
        </p>
        <div class="pd-actions">
          <button type="button" class="button" onClick={onExport}>
            {fmt(s, 'progress.export')}
          </button>
        </div>
        <div class="pd-import">
          <label for="pd-import-file" class="pd-file-label">
            {fmt(s, 'progress.import')}
          </label>
          <input id="pd-import-file" ref={fileRef} type="file" accept="application/json,.json" onChange={onImport} aria-describedby="pd-import-hint" />
          <p id="pd-import-hint" class="pd-muted">
            {fmt(s, 'progress.importHint')}
          </p>
        </div>
        <div class="pd-actions">
          {!confirming ? (
            <button type="button" class="button secondary pd-danger" ref={resetRef} onClick={askReset}>
              {fmt(s, 'progress.reset')}
            </button>
          ) : (
            <div class="pd-confirm" role="group" aria-labelledby="pd-confirm-text" tabIndex={-1} ref={confirmRef}>
              <p id="pd-confirm-text">{fmt(s, 'progress.resetConfirm')}</p>
              <button type="button" class="button pd-danger-solid" onClick={doReset}>
                {fmt(s, 'progress.resetYes')}
              </button>{' '}
              <button type="button" class="button secondary" onClick={cancelReset}>
                {fmt(s, 'progress.resetNo')}
              </button>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
