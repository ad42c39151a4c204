/** MDX components for printed material: plain terms; no notes, quizzes or scenarios. */
import { authorComponents } from '../author';
import TermPlain from './TermPlain.astro';
import Omit from './Omit.astro';

export const handoutComponents = { ...authorComponents, Term: TermPlain, TeacherNote: Omit, Quiz: Omit, Scenario: Omit, SlideBreak: Omit };
