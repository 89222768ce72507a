/** Folder names for briefs: lower-case ASCII words joined by hyphens. */

const MAX_SLUG_LENGTH = 60;

/** Latin letters that Unicode decomposition leaves alone. */
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (c) => UNDECOMPOSABLE[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii || 'brief';
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH);
}
