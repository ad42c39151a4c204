/**
 * The tree of a rendered lesson for its text (search, placements), as parseLesson (lib/lesson/tree.ts,
 * rehype-parse: parse5 and hast-util-from-parse5, an HTML fragment, scripting off) builds it, without
 * source positions, which nothing reading lesson text uses: rehype-parse always has parse5 track every
 * token's location and turns each into position objects (issue 17: every lesson is parsed in one build
 * and its tree kept for the teaching pages). tests/unit/search-build.test.ts compares the two.
 */
import { parseFragment } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import type { Root } from 'hast';

export const parseTextTree = (html: string): Root => fromParse5(parseFragment(html, { scriptingEnabled: false }), { space: 'html' }) as Root;
