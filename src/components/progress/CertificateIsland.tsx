/**
 * The certificate (issue 6): before completion, exactly what is missing; after, a name field and a
 * printable one-page certificate (print CSS in src/pages/certificate/index.astro).
 */
import { useEffect, useState } from 'preact/hooks';
import { certificateDate, certificateEligibility, cleanName } from '../../lib/progress/certificate';
import type { CourseIndex } from '../../lib/progress/summary';
import { useProgress } from '../quiz/useProgress';
import { useCourseIndex } from './useCourseIndex';
import { fmt, type Strings } from '../quiz/strings';

interface Props {
  /** Only for tests; the page leaves it out and the island reads /course-index.json (issue 17). */
  index?: CourseIndex;
  strings: Strings;
  courseTitle: string;
}

export default function CertificateIsland({ index: given, strings: s, courseTitle }: Props) {
  const { data } = useProgress();
  const loaded = useCourseIndex();
  const index = given ?? loaded.index;
  const [name, setName] = useState('');
  const [today, setToday] = useState<Date | null>(null);
  useEffect(() => setToday(new Date()), []);

  if (!given && loaded.failed) return <p role="alert">{fmt(s, 'coursemap.loadFailed')}</p>;
  if (!data || !today || !index) return <p>{fmt(s, 'progress.loading')}</p>;
  const e = certificateEligibility(data, index);
  const lessonCount = index.modules.reduce((n, m) => n + m.lessons.length, 0);

  if (!e.eligible) {
    return (
      <section class="cert-missing" aria-labelledby="cert-missing-title" data-eligible="false">
        <h2 id="cert-missing-title">{fmt(s, 'cert.missing')}</h2>
        <ul>
          {e.final.state === 'not-attempted' && (
            <li data-missing="final">
              {fmt(s, 'cert.finalNotAttempted', { pct: e.final.passPercent })}{' '}
              {e.finalUrl && <a href={e.finalUrl}>{fmt(s, 'cert.takeFinal')}</a>}
            </li>
          )}
          {e.final.state === 'failed' && (
            <li data-missing="final">
              {fmt(s, 'cert.finalFailed', { best: e.final.bestPercent, pct: e.final.passPercent })}{' '}
              {e.finalUrl && <a href={e.finalUrl}>{fmt(s, 'cert.takeFinal')}</a>}
            </li>
          )}
          {e.missingLessons.length > 0 && (
            <li data-missing="lessons">
              {fmt(s, 'cert.missingLessons', { n: e.missingLessons.length })}
              <ul class="cert-lessons">
                {e.missingLessons.map((l) => (
                  <li key={l.id}>
                    <a href={l.url}>{l.title}</a>
                  </li>
                ))}
              </ul>
            </li>
          )}
        </ul>
      </section>
    );
  }

  const shown = cleanName(name);
  const final = e.final.state === 'passed' ? e.final : null;
  return (
    <div data-eligible="true">
      <div class="cert-form no-print">
        <p class="cert-ready">{fmt(s, 'cert.ready')}</p>
        <p>
          <label for="cert-name">{fmt(s, 'cert.name')}</label>
          <input id="cert-name" type="text" autocomplete="name" maxLength={40} value={name} onInput={(ev) => setName((ev.currentTarget as HTMLInputElement).value)} />
        </p>
        <p>
          <button type="button" class="button" onClick={() => window.print()} disabled={!shown} aria-describedby={shown ? undefined : 'cert-name-needed'}>
            {fmt(s, 'cert.print')}
          </button>
          {!shown && (
            <span id="cert-name-needed" class="pd-muted">
              {' '}
              {fmt(s, 'cert.namePlaceholder')}
            </span>
          )}
        </p>
      </div>
      <article class="certificate" aria-labelledby="cert-heading">
        <p class="cert-course">{courseTitle}</p>
        <h2 id="cert-heading" class="cert-heading">
          {fmt(s, 'cert.heading')}
        </h2>
        <p class="cert-name" data-cert-name>
          {shown || fmt(s, 'cert.namePlaceholder')}
        </p>
        <p class="cert-body">{fmt(s, 'cert.body', { course: courseTitle, n: lessonCount })}</p>
        {final && (
          <p class="cert-score" data-cert-score>
            {fmt(s, 'cert.score', { score: final.bestScore, max: final.maxScore, pct: final.bestPercent })}
          </p>
        )}
        <div class="cert-modules">
          <h3>{fmt(s, 'cert.modules')}</h3>
          <ol>
            {index.modules.map((m) => (
              <li key={m.id}>{m.title}</li>
            ))}
          </ol>
        </div>
        <p class="cert-date">{fmt(s, 'cert.date', { date: certificateDate(today) })}</p>
      </article>
    </div>
  );
}
