/**
 * Markdown inline syntax → plain text: links keep their text, emphasis and code marks go, escapes and the
 * common HTML entities are resolved. Images are taken out by the caller (they become caption blocks).
 */

/** `![alt](src "title")`, global: images anywhere in a paragraph. */
export const IMAGE = /!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+["'(][^"')]*["')])?\s*\)/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™',
};

/** Strip inline Markdown from one paragraph's text; a hard line break ("  \n" or "\\\n") stays a newline. */
export function stripInline(text: string): string {
  return decodeEntities(
    text
      .replace(/(?: {2,}|\\)\n/g, '\u2028')
      .replace(/\n/g, ' ')
      // Escaped characters are parked in the private-use area so no later pattern sees them as syntax.
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~<&])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
      .replace(/`+([^`]+?)`+/g, '$1')
      .replace(IMAGE, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+["'(][^"')]*["')])?\s*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<br\s*\/?>/gi, '\u2028')
      .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, '')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1'),
  )
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\u2028 ?/g, '\n')
    .trim();
}

/** Named entities from a short list plus any numeric entity; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
