/** The one wink-nlp instance (sentence boundaries only), loaded on first use: loading costs ~130 ms. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkInstance = ReturnType<typeof winkNLP>;

let instance: WinkInstance | undefined;

export function nlp(): WinkInstance {
  instance ??= winkNLP(model, ['sbd']);
  return instance;
}
