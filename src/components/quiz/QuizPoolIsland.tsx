/**
 * The quiz island for a question pool (the final assessment): QuizIsland with the draw functions.
 * A separate entry so that lesson quizzes do not ship the draw code. The pool is not a prop (it
 * would be serialised into the page, which then grows with the pool): the island fetches it as
 * JSON (src/client/quiz-pool.ts) and shows the page's fixed paper (the no-JavaScript reading,
 * `children`) until it arrives, or with a notice if it cannot be loaded.
 */
import { useEffect, useState } from 'preact/hooks';
import { drawPaper, paperFits, paperQuiz } from '../../lib/quiz/draw';
import type { PoolData } from '../../lib/quiz/pool-data';
import { loadQuizPool } from '../../client/quiz-pool';
import { runtimeUrl } from '../../lib/paths';
import QuizIsland, { type QuizIslandProps } from './QuizIsland';

const draw = { drawPaper, paperFits, paperQuiz };

export default function QuizPoolIsland(props: Omit<QuizIslandProps, 'draw' | 'quiz' | 'refs'>) {
  const [pool, setPool] = useState<PoolData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadQuizPool(props.id).then((p) => {
      // A packaged build's JSON keeps URLs under its placeholder base (only HTML is rewritten): resolved where the package lives.
      if (import.meta.env.XTZD_PACKAGE === 'scorm') p = { ...p, refs: Object.fromEntries(Object.entries(p.refs).map(([k, u]) => [k, runtimeUrl(u)])) };
      setPool(p);
    }, () => setFailed(true));
  }, [props.id]);
  if (!pool) {
    return (
      <div class="qz-fallback">
        {failed && (
          <p class="qz-pool-error" role="status">
            {props.strings['quizPool.loadError']}
          </p>
        )}
        {props.children}
      </div>
    );
  }
  return <QuizIsland {...props} quiz={pool.quiz} refs={pool.refs} draw={draw} />;
}
