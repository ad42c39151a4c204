/** MDX components for classroom views: the author set with quizzes and scenarios as slide markers. */
import { authorComponents } from '../author';
import QuizMark from './QuizMark.astro';
import ScenarioMark from './ScenarioMark.astro';

export const presentComponents = { ...authorComponents, Quiz: QuizMark, Scenario: ScenarioMark };
