/**
 * Content collections: the course is data in the repo-root `content/` folder.
 * One schema per content type; every field says what it is. Cross-references between
 * collections (module ids, glossary ids, quiz ids) are checked in `src/lib/course.ts`,
 * which fails the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { quizSchema, scenarioSchema } from './lib/quiz/schema';

const id = z.string().regex(/^[a-z0-9]+(?:[-/][a-z0-9]+)*$/, 'ids are lower-case ASCII words joined by "-"');

/** 单元: a course module, one YAML file each; the file name is its id. */
const modules = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/modules' }),
  schema: z.strictObject({
    /** Position in the learning path (1 = first). */
    order: z.number().int().positive(),
    /** Module title shown in the outline and on the home page. */
    title: z.string().min(2),
    /** One or two sentences: what the module covers. */
    summary: z.string().min(10),
    /** 单元学习目标: what a learner can do after the module. */
    goals: z.array(z.string().min(4)).min(1),
  }),
});

/** 课: a lesson, one MDX file under content/lessons/<module>/; its id is "<module>/<slug>". */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z.strictObject({
    /** Lesson title (short; shown in the outline). */
    title: z.string().min(2),
    /** One-sentence summary used in search results, cards and the page description. */
    description: z.string().min(10),
    /** Id of the module the lesson belongs to (a file in content/modules). */
    module: id,
    /** Position inside the module (1 = first). */
    order: z.number().int().positive(),
    /** What sort of page: ordinary lesson, case study, or the course-end assessment. */
    kind: z.enum(['lesson', 'case', 'assessment']).default('lesson'),
    /** Estimated study time in minutes; sums give module and course estimates. */
    minutes: z.number().int().min(1).max(240),
    /** 学习目标: what the learner can do after this lesson. */
    objectives: z.array(z.string().min(4)).min(1),
    /** Glossary ids (files in content/glossary) that this lesson teaches. */
    terms: z.array(id).default([]),
    /** Lesson-level notes for instructors (timing, activities); never shown to learners. */
    instructorNotes: z.string().optional(),
    /** Keep a draft out of the outline and the build. */
    draft: z.boolean().default(false),
  }),
});

/** 术语: a glossary term, one YAML file each; the file name is its id. */
const glossary = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/glossary' }),
  schema: z.strictObject({
    /** The term as written in Chinese. */
    term: z.string().min(1),
    /** Definition in the course's own words. */
    definition: z.string().min(4),
    /** Other names a reader may look for (also indexed by search). */
    aliases: z.array(z.string()).default([]),
    /** Lesson ids to link besides those that list the term in `terms`. */
    related: z.array(id).default([]),
  }),
});

/** 练习: a quiz of one or more questions, one YAML file each; placed with <Quiz id="…" />. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  schema: quizSchema,
});

/** 情景: a branching scenario, one YAML file each; placed with <Scenario id="…" />. */
const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios' }),
  schema: scenarioSchema,
});

export const collections = { modules, lessons, glossary, quizzes, scenarios };
