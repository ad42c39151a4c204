/**
 * Author-facing MDX components, in one place. Lesson pages pass `authorComponents` to the
 * rendered MDX, so lessons use them without import lines; a lesson may also import them
 * from here explicitly.
 */
import KeyPoint from './KeyPoint.astro';
import Example from './Example.astro';
import Case from './Case.astro';
import Discussion from './Discussion.astro';
import Summary from './Summary.astro';
import Term from './Term.astro';
import TeacherNote from './TeacherNote.astro';
import Quiz from './Quiz.astro';
import Scenario from './Scenario.astro';
import SlideBreak from './SlideBreak.astro';
import Link from './Link.astro';

export { KeyPoint, Example, Case, Discussion, Summary, Term, TeacherNote, Quiz, Scenario, SlideBreak };

export const authorComponents = {
  KeyPoint,
  Example,
  Case,
  Discussion,
  Summary,
  Term,
  TeacherNote,
  Quiz,
  Scenario,
  SlideBreak,
  a: Link,
};
