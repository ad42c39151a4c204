/**
 * The quiz island for a question pool (the final assessment): QuizIsland with the draw functions.
 * A separate entry so that lesson quizzes do not ship the draw code.
 */
import { drawPaper, paperFits, paperQuiz } from '../../lib/quiz/draw';
import QuizIsland, { type QuizIslandProps } from './QuizIsland';

const draw = { drawPaper, paperFits, paperQuiz };

export default function QuizPoolIsland(props: Omit<QuizIslandProps, 'draw'>) {
  return <QuizIsland {...props} draw={draw} />;
}
