/**
 * Folder names for briefs: lower-case ASCII words joined by hyphens (SLUG_PATTERN), at most 60 characters,
 * readable in any script and distinct for distinct titles.
 *
 * Latin letters lose their accents as they always have (so a title in Latin script keeps the folder it had).
 * Words in other scripts are transliterated with the `transliteration` package (Greek, Cyrillic, Arabic,
 * Hebrew, Chinese, Korean…); a title written in Ukrainian goes through the Ukrainian national system instead
 * (cyrillic-to-translit-js, preset "uk": Київ → kyiv, Миколаїв → mykolaiv), because the general tables read
 * Cyrillic as Russian (Київ → kiyiv). A title that leaves nothing usable (emoji, punctuation, nothing at all)
 * is named brief-<first 8 hex digits of the SHA-256 of its NFC text>: stable from run to run, and never one
 * name shared by unrelated stories, so one story cannot become another's "version 2".
 */
import cyrillicModule from 'cyrillic-to-translit-js';
import { transliterate } from 'transliteration';
import { sha256 } from '../durable.js';

const MAX_SLUG_LENGTH = 60;

/** Latin letters that Unicode decomposition leaves alone. */
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A word in a script other than Latin, with the apostrophes Ukrainian writes inside words (Знам'янка). */
const NON_LATIN_WORD = /(?:(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{M}])+(?:['’ʼ](?:(?![\p{Script=Latin}\p{Script=Common}])[\p{L}\p{M}])+)*/gu;

/**
 * Ukrainian, not Russian or another language written in Cyrillic: a letter only Ukrainian has among them
 * (і, є, ї, ґ; Belarusian shares і, and its г → h, і → i agree), or an apostrophe inside a Cyrillic word.
 */
const UKRAINIAN = /[ієїґІЄЇҐ]|\p{Script=Cyrillic}['’ʼ]\p{Script=Cyrillic}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

// Its types declare `export default`, its code sets module.exports: imported from ESM, the module is the function.
const cyrillicToTranslit = cyrillicModule as unknown as typeof cyrillicModule.default;
const ukrainian = cyrillicToTranslit({ preset: 'uk' });

/** One word in Latin letters. Word by word, as the national system spells a word's first є, ї, ю, я apart. */
function latinWord(word: string, inUkrainian: boolean): string {
  return inUkrainian && CYRILLIC.test(word) ? ukrainian.transform(word) : transliterate(word, { unknown: '' });
}

export function slugify(title: string): string {
  const nfc = title.normalize('NFC');
  const inUkrainian = UKRAINIAN.test(nfc);
  const ascii = nfc
    .replace(NON_LATIN_WORD, (word) => latinWord(word, inUkrainian))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (c) => UNDECOMPOSABLE[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return `brief-${sha256(nfc).slice(0, 8)}`;
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH);
}
