/**
 * The UI strings each classroom island shows, picked on the server and passed as its `strings`
 * prop (as the quiz islands do), so an island does not carry the whole string table.
 * tests/unit/live-strings.test.ts checks that every key an island formats is covered here.
 */
import { pickStrings } from '../quiz/pick-strings';

/** Key prefixes used by LiveQuiz.tsx. */
export const LIVE_QUIZ_KEYS = ['live.', 'classroom.questionOf', 'classroom.kind.'] as const;
/** Key prefixes used by LiveScenario.tsx. */
export const LIVE_SCENARIO_KEYS = ['walk.', 'live.votes', 'live.less', 'live.more', 'classroom.scenarioSlide'] as const;

// Picked once per build (a scan of the whole table on each of the 2,000 deck pages at 1,000 lessons); callers do not change them.
let quiz: Readonly<Record<string, string>> | undefined;
let scenario: Readonly<Record<string, string>> | undefined;
export const liveQuizStrings = (): Readonly<Record<string, string>> => (quiz ??= pickStrings(...LIVE_QUIZ_KEYS));
export const liveScenarioStrings = (): Readonly<Record<string, string>> => (scenario ??= pickStrings(...LIVE_SCENARIO_KEYS));
