import { describe, expect, it } from 'vitest';
import { isShortFormOf, splitRun, surnameOf } from '../../../src/analyze/quotes/names.js';
import { tokenize } from '../../../src/analyze/quotes/tokens.js';
import { quoteWith, quotesOf } from './helpers.js';

describe('names', () => {
  it('splits titles from the name and drops honorifics', () => {
    expect(splitRun(tokenize('Oregon Sen. Ana Ruiz'))).toMatchObject({ title: 'Oregon Sen.', name: 'Ana Ruiz', organisation: false });
    expect(splitRun(tokenize('Mrs. Helka Roos'))).toMatchObject({ title: '', name: 'Helka Roos', gender: 'f' });
    expect(splitRun(tokenize('Brightwater Foods'))).toMatchObject({ name: 'Brightwater Foods', organisation: true });
  });

  it('knows a surname, an initial or a full name as forms of one name', () => {
    expect(isShortFormOf('Okonjo', 'Felix Okonjo')).toBe(true);
    expect(isShortFormOf('F. Okonjo', 'Felix Okonjo')).toBe(true);
    expect(isShortFormOf('Grace Okonjo', 'Felix Okonjo')).toBe(false);
    expect(surnameOf('Arlo Pike Jr.')).toBe('pike');
  });

  it('"Mr. Okonjo", "Okonjo" and "Felix Okonjo" are one speaker with the fullest name, role kept', () => {
    const quotes = quotesOf(
      [
        'Brightwater Foods chief executive Felix Okonjo visited the plant on Monday.',
        '"We will replace every jar," Mr. Okonjo said.',
        '"Nobody will pay twice," Okonjo added.',
      ],
      ['"The recall is nearly done," Okonjo said on Tuesday.'],
    );
    for (const words of ['replace every jar', 'pay twice', 'nearly done']) {
      expect(quoteWith(quotes, words)).toMatchObject({ speaker: 'Felix Okonjo', role: 'Brightwater Foods chief executive' });
    }
  });

  it('keeps accented names intact', () => {
    const q = quoteWith(quotesOf(['"Le port restera ouvert," a dit Renée Lacroix-Würth.', '"It stays open," said Renée Lacroix-Würth, the port director.']), 'stays open');
    expect(q.speaker).toBe('Renée Lacroix-Würth');
    expect(q.role).toBe('port director');
  });

  it('does not split a titled person in two', () => {
    const quotes = quotesOf(['"Rates will hold," said Governor Maren Tallis.', '"Inflation is easing," Tallis said later.']);
    expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(['Maren Tallis']));
  });
});
