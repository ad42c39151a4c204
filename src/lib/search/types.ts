/** Shapes shared by the index build and the query engine. */

/** Result types, in the order of their codes in the store. */
export const DOC_TYPES = ['lesson', 'case', 'term', 'quiz'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** A searchable document before indexing. */
export interface SearchDoc {
  type: DocType;
  title: string;
  /** Other names that count like the title (glossary aliases). */
  aliases?: string[];
  /** Module title ('' when none). */
  module: string;
  /** Page URL (base included), without a fragment unless the whole doc is one fragment. */
  url: string;
  /** Sections in page order: [anchor, heading, text]. Anchor '' = no fragment. */
  sections: { anchor: string; heading: string; text: string }[];
}
