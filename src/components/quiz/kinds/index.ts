/** Question kind → its component (all behind KindProps). Adding a kind = one file + one line here. */
import type { FunctionComponent } from 'preact';
import type { Question } from '../../../lib/quiz/schema';
import { ChoiceQuestion } from './ChoiceQuestion';
import { JudgementQuestion } from './JudgementQuestion';
import { MatchingQuestion } from './MatchingQuestion';
import { OrderingQuestion } from './OrderingQuestion';
import { TrueFalseQuestion } from './TrueFalseQuestion';
import type { KindOf, KindProps } from './types';

export type { KindProps } from './types';

export const KIND_VIEWS: { [K in Question['kind']]: FunctionComponent<KindProps<KindOf<K>>> } = {
  single: ChoiceQuestion,
  multiple: ChoiceQuestion,
  truefalse: TrueFalseQuestion,
  ordering: OrderingQuestion,
  matching: MatchingQuestion,
  judgement: JudgementQuestion,
};
