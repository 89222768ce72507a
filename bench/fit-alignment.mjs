#!/usr/bin/env node
// Fit the alignment model (src/analyze/align/model.json) on annotated sentence pairs: logistic regression
// over the features of src/analyze/align/features.ts, standardised, L2-regularised, with 10-fold
// cross-validation figures printed first. The pairs are read where they lie and never copied here.
// Usage: node bench/fit-alignment.mjs [PAIRS.jsonl | folder] [--write] [--l2 X]
//   default pairs: ../shared/bench/paraphrase-train (the project must be built: npm run build)
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
let set = args.find((a, i) => !a.startsWith('--') && !['--l2'].includes(args[i - 1])) ?? join(root, '..', 'shared', 'bench', 'paraphrase-train');
if (existsSync(set) && statSync(set).isDirectory()) set = join(set, 'pairs.jsonl');
const l2 = Number(opt('--l2', '0.01'));

const { shapeOf } = await import(join(root, 'dist', 'analyze', 'align', 'shape.js'));
const { pairFeatures, FEATURE_NAMES } = await import(join(root, 'dist', 'analyze', 'align', 'features.js'));

const pairs = readFileSync(resolve(set), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const t0 = performance.now();
const X = pairs.map((p) => pairFeatures(shapeOf(p.s1), shapeOf(p.s2)));
const y = pairs.map((p) => (p.label ? 1 : 0));
console.error(`features of ${pairs.length} pairs in ${Math.round(performance.now() - t0)} ms`);

function standardise(rows) {
  const k = rows[0].length;
  const mean = Array(k).fill(0);
  const sd = Array(k).fill(0);
  for (const r of rows) r.forEach((x, j) => (mean[j] += x / rows.length));
  for (const r of rows) r.forEach((x, j) => (sd[j] += (x - mean[j]) ** 2 / rows.length));
  return { mean, sd: sd.map((v) => Math.sqrt(v) || 1) };
}

/** Logistic regression by full-batch gradient descent with momentum; deterministic. */
function fit(rows, labels) {
  const { mean, sd } = standardise(rows);
  const Z = rows.map((r) => r.map((x, j) => (x - mean[j]) / sd[j]));
  const k = Z[0].length;
  let w = Array(k).fill(0);
  let b = 0;
  let vw = Array(k).fill(0);
  let vb = 0;
  for (let it = 0; it < 3000; it++) {
    const gw = Array(k).fill(0);
    let gb = 0;
    Z.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(b + z.reduce((s, x, j) => s + x * w[j], 0))));
      const e = p - labels[i];
      z.forEach((x, j) => (gw[j] += (e * x) / Z.length));
      gb += e / Z.length;
    });
    vw = vw.map((v, j) => 0.9 * v - 0.5 * (gw[j] + l2 * w[j]));
    vb = 0.9 * vb - 0.5 * gb;
    w = w.map((x, j) => x + vw[j]);
    b += vb;
  }
  // Weights on the raw features, so the product needs no standardisation step.
  const weights = w.map((x, j) => x / sd[j]);
  const bias = b - w.reduce((s, x, j) => s + (x * mean[j]) / sd[j], 0);
  return { weights, bias };
}

const probability = (model, row) => 1 / (1 + Math.exp(-(model.bias + row.reduce((s, x, j) => s + x * model.weights[j], 0))));

function figures(pred, gold) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  pred.forEach((p, i) => (p && gold[i] ? tp++ : p ? fp++ : gold[i] ? fn++ : tn++));
  const P = tp / (tp + fp || 1), R = tp / (tp + fn || 1);
  return { acc: (tp + tn) / pred.length, P, R, F1: (2 * P * R) / (P + R || 1) };
}

// 10-fold cross-validation: out-of-fold probabilities, then the threshold with the best accuracy on them.
const folds = 10;
const oof = Array(pairs.length).fill(0);
for (let f = 0; f < folds; f++) {
  const train = X.map((_, i) => i).filter((i) => i % folds !== f);
  const model = fit(train.map((i) => X[i]), train.map((i) => y[i]));
  X.forEach((row, i) => { if (i % folds === f) oof[i] = probability(model, row); });
}
let best = { threshold: 0.5, acc: 0 };
for (let t = 0.2; t <= 0.8; t += 0.01) {
  const r = figures(oof.map((p) => p >= t), y);
  if (r.acc > best.acc) best = { threshold: Math.round(t * 100) / 100, ...r };
}
const at = (t) => figures(oof.map((p) => p >= t), y);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const show = (t) => { const r = at(t); return `threshold=${t} acc=${pct(r.acc)} P=${pct(r.P)} R=${pct(r.R)} F1=${pct(r.F1)}`; };
console.log(`cross-validated (${folds} folds): ${show(0.5)} | best ${show(best.threshold)}`);

const model = fit(X, y);
FEATURE_NAMES.forEach((name, j) => console.log(`  ${name.padEnd(20)} ${model.weights[j].toFixed(3)}`));
console.log(`  bias ${model.bias.toFixed(3)}`);
if (args.includes('--write')) {
  const out = join(root, 'src', 'analyze', 'align', 'model.json');
  const json = {
    about: 'Logistic model over align/features.ts, fitted by bench/fit-alignment.mjs on annotated news sentence pairs.',
    threshold: best.threshold,
    bias: Number(model.bias.toFixed(6)),
    weights: Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, Number(model.weights[j].toFixed(6))])),
  };
  writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${out}`);
}
