/**
 * Which blocks are not the story: the rules of rules.ts tried on each block in its context, and the passes
 * that need more than one block (titles listed under a bare "Related" label).
 */
import type { Block } from '../model/source.js';
import { normalizeInline } from './normalize.js';
import { RELATED_LABEL_ONLY } from './patterns.js';
import { boilerplateRules, isCapitals, type BlockContext, type BoilerplateRule } from './rules.js';
import { endsLikeSentence, wordsOf } from './shape.js';

export { boilerplateRules, type BlockContext, type BoilerplateRule } from './rules.js';

/** Build the context a rule sees for block `index`. */
function contextAt(blocks: readonly Block[], texts: readonly string[], index: number, page: PageContext): BlockContext {
  const text = texts[index] ?? '';
  return {
    block: blocks[index]!,
    text,
    words: wordsOf(text).length,
    next: texts[index + 1] ?? '',
    ...page,
  };
}

/** What every block of one source shares. */
type PageContext = Pick<BlockContext, 'capsAreRare'>;

/** Whether capitals are the exception in this source (a telex-style text is all capitals). */
function pageContext(texts: readonly string[]): PageContext {
  const capitals = texts.filter(isCapitals).length;
  return { capsAreRare: capitals * 2 < texts.length };
}

/** A link title under a bare "Related"/"You may also like…" label: short, unpunctuated, until prose resumes. */
const relatedListItem: BoilerplateRule = {
  id: 'related-list',
  description: 'link title listed under a "related" label',
  test: ({ text, words }) => words <= 20 && !endsLikeSentence(text),
};

/** A label that stands alone: the titles it introduces follow as blocks of their own. */
function isBareRelatedLabel(rule: BoilerplateRule | undefined, ctx: BlockContext): boolean {
  return rule?.id === 'related-links' && ctx.words <= 8 && RELATED_LABEL_ONLY.test(ctx.text);
}

/** For each block, the rule that marks it as boilerplate, or undefined when it is story text. */
export function findBoilerplate(blocks: readonly Block[]): Array<BoilerplateRule | undefined> {
  const texts = blocks.map((b) => normalizeInline(b.text));
  const page = pageContext(texts);
  const rules: Array<BoilerplateRule | undefined> = [];
  let underLabel = false;
  blocks.forEach((_, i) => {
    const ctx = contextAt(blocks, texts, i, page);
    let rule = boilerplateRules.find((r) => r.test(ctx));
    if (rule === undefined && underLabel && relatedListItem.test(ctx)) rule = relatedListItem;
    else if (rule === undefined || rule.id !== 'related-links') underLabel = underLabel && rule !== undefined;
    if (isBareRelatedLabel(rule, ctx)) underLabel = true;
    rules.push(rule);
  });
  return rules;
}

/** The rule a single line matches on its own (no neighbours, paragraph role), or undefined. */
export function boilerplateRuleForLine(line: string): BoilerplateRule | undefined {
  return findBoilerplate([{ text: line, role: 'paragraph' }])[0];
}
