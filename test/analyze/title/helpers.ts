/** Choose the title of invented articles given as headline + paragraphs, with the bottom line given. */
import { buildCorpus } from '../../../src/analyze/corpus.js';
import { chooseTitle } from '../../../src/analyze/title.js';
import type { SummaryPoint } from '../../../src/model/briefing.js';
import type { SourceMeta } from '../../../src/model/source.js';
import { documentOf } from '../../helpers/documents.js';

export interface Article {
  meta?: SourceMeta;
  paragraphs: string[];
}

/**
 * The title of the articles (S1, S2, … in order). The bottom line is passed in rather than summarised, so these
 * tests pin the title rules and not the summary's choice; by default it is the first article's first paragraph.
 */
export function titleOf(articles: Article[], bottomLine: string | undefined = articles[0]?.paragraphs[0]): string {
  const docs = articles.map((a, i) => documentOf(`S${i + 1}`, a.meta ?? {}, a.paragraphs));
  const summary: SummaryPoint[] = bottomLine ? [{ text: bottomLine, sources: ['S1'], evidence: [] }] : [];
  return chooseTitle(docs, buildCorpus(docs), summary);
}

/** Words as the brief counts them. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
