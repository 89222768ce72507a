/** Build cleaned Documents in code, for analyzer tests that need no files. */
import type { Document, SourceMeta } from '../../src/model/source.js';

export function documentOf(id: string, meta: SourceMeta, paragraphs: string[]): Document {
  return {
    source: {
      id,
      path: `fixtures/${id.toLowerCase()}.txt`,
      format: 'text',
      encoding: 'utf-8',
      sha256: '0'.repeat(64),
      meta,
      metaOrigin: {},
      blocks: paragraphs.map((text) => ({ text, role: 'paragraph' as const })),
    },
    paragraphs: paragraphs.map((text, i) => ({ index: i + 1, text, role: 'paragraph' as const })),
  };
}
