// Hostile single files of about 500 KB that once made analysis super-linear (or could): each must build
// within its budget. Generated here, not stored: they are shapes, not texts. Used by bench/run.mjs.

const SIZE = Number(process.env.PATHOLOGICAL_SIZE ?? 500_000);

/** `piece` repeated (with `glue` between) until the text reaches about SIZE characters. */
const fill = (piece, glue = ' ') => Array.from({ length: Math.ceil(SIZE / (piece.length + glue.length)) }, () => piece).join(glue);

/** Name, file name and content of each pathological input. */
export const pathologicalInputs = [
  { name: 'quoted-phrases', file: 'a.txt', text: `Harbour story\n\n${fill('"ab"')}\n` },
  { name: 'quotes-said', file: 'a.txt', text: `Harbour story\n\n${fill('"We will sail," said Ann Lee.')}\n` },
  { name: 'open-quotes', file: 'a.txt', text: `Harbour story\n\n${fill('“ab')}\n` },
  { name: 'backtick-run', file: 'a.md', text: `# Harbour story\n\n${'`'.repeat(SIZE)}\n` },
  { name: 'backtick-pairs', file: 'a.md', text: `# Harbour story\n\n${fill('`a', '')}\n` },
  { name: 'emphasis-run', file: 'a.md', text: `# Harbour story\n\n${fill('*_', '')}\n` },
  { name: 'emphasis-words', file: 'a.md', text: `# Harbour story\n\n${fill('**bold *it _u', ' ')}\n` },
  { name: 'brackets', file: 'a.md', text: `# Harbour story\n\n${fill('[a](', '')}\n` },
  { name: 'one-sentence', file: 'a.txt', text: `Harbour story\n\n${fill('the ferry sailed and')}\n` },
  { name: 'abbreviations', file: 'a.txt', text: `Harbour story\n\n${fill('Mr. Dr. St. U.S.')}\n` },
  { name: 'dates', file: 'a.txt', text: `Harbour story\n\n${fill('on Monday, March 3, 2025, and')}\n` },
  { name: 'numbers', file: 'a.txt', text: `Harbour story\n\n${fill('1,200 passengers and 3.5%')}\n` },
  { name: 'capitalised-names', file: 'a.txt', text: `Harbour story\n\n${fill('Ann Lee Bo Chen')}\n` },
  { name: 'short-lines', file: 'a.txt', text: `Harbour story\n\n${fill('A line.', '\n\n')}\n` },
  { name: 'long-word', file: 'a.txt', text: `Harbour story\n\n${'x'.repeat(SIZE)}\n` },
  { name: 'combining-marks', file: 'a.txt', text: `Harbour story\n\na${'\u0301\u0334'.repeat(SIZE / 2)}\n` },
  { name: 'html-paragraphs', file: 'a.html', text: `<html><body>${fill('<p>The ferry sailed.</p>', '')}</body></html>` },
  { name: 'html-attributes', file: 'a.html', text: `<html><body><p title="${'x'.repeat(SIZE)}">The ferry sailed.</p></body></html>` },
  { name: 'html-unclosed', file: 'a.html', text: `<html><body>${fill('<a', '')}</body></html>` },
  { name: 'json-list', file: 'a.json', text: JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ title: `Item ${i}`, body: 'The ferry sailed on Monday.' }))) },
];

/** Budget for one build of one such file, in ms (2 cores, all three formats). */
export const PATHOLOGICAL_BUDGET_MS = 10_000;
