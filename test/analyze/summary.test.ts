import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/analyze/corpus.js';
import { groupClaims } from '../../src/analyze/group.js';
import { summarize } from '../../src/analyze/summary.js';
import { documentOf } from '../helpers/documents.js';

const gazette = documentOf('S1', { title: 'Floodwater forces evacuation of riverside homes in Tallin Vale' }, [
  'Floodwater forced the evacuation of 300 riverside homes in Tallin Vale on Sunday after the River Ash burst its banks.',
  'The Environment Agency issued a severe flood warning for the lower valley.',
  '"We lost everything on the ground floor," said resident Maya Brandt.',
  'He said the barrier had not been tested since it was installed.',
  'Volunteers filled 4,000 sandbags at the community hall overnight.',
]);
const wire = documentOf('S2', {}, [
  'About 300 homes in Tallin Vale were evacuated on Sunday when the River Ash burst its banks after two days of rain.',
  'The county council opened two rest centres at local schools for displaced families.',
  'Rail services between Tallin Vale and Corbridge were suspended until further notice.',
]);
const council = documentOf('S3', {}, [
  'Families forced from their homes in Tallin Vale on Sunday after the river burst its banks can stay at council rest centres.',
  'The county council has opened rest centres at two local schools for families forced from their homes.',
  'Residents should not drive through floodwater, the council said.',
]);

describe('summarize', () => {
  const corpus = buildCorpus([gazette, wire, council]);
  const summary = summarize(corpus, groupClaims(corpus), 80);

  it('leads with a self-contained sentence from the top of a story, citing every source that carries it', () => {
    expect(summary[0]!.text).toMatch(/River Ash burst its banks/);
    // The council's first sentence reports the evacuation too, in other words ("families forced from their homes").
    expect(summary[0]!.sources).toEqual(['S1', 'S2', 'S3']);
    expect(summary[0]!.evidence.map((e) => [e.source, e.paragraph, e.sentence])).toEqual([
      ['S1', 1, 1],
      ['S2', 1, 1],
      ['S3', 1, 1],
    ]);
  });

  it('says a corroborated point once, citing both sources', () => {
    const centres = summary.filter((p) => /rest centres/.test(p.text));
    expect(centres).toHaveLength(1);
    expect(centres[0]!.sources).toEqual(['S2', 'S3']);
  });

  it('keeps within the word budget', () => {
    const words = summary.map((p) => p.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
    expect(words).toBeLessThanOrEqual(80);
    expect(summary.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the bottom line within a short budget too, instead of taking the top sentence whatever its length', () => {
    for (const budget of [12, 15, 20, 25, 30]) {
      const short = summarize(corpus, groupClaims(corpus), budget);
      const words = short.map((p) => p.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
      expect(short.length, `budget ${budget}`).toBeGreaterThan(0);
      expect(words, `budget ${budget}`).toBeLessThanOrEqual(budget);
    }
  });

  it('leaves out quotations and sentences that lean on an earlier one', () => {
    expect(summary.some((p) => p.text.startsWith('"'))).toBe(false);
    expect(summary.some((p) => p.text.startsWith('He said'))).toBe(false);
  });

  it('points each line at its source sentence', () => {
    expect(summary.length).toBeGreaterThanOrEqual(3);
    for (const point of summary) {
      expect(point.evidence.length, point.text).toBeGreaterThan(0);
      const cited = point.evidence.map((e) => {
        const sentence = corpus.sentences.find(
          (s) => s.sentence.source === e.source && s.sentence.paragraph === e.paragraph && s.sentence.index === e.sentence,
        );
        expect(sentence, JSON.stringify(e)).toBeDefined();
        return sentence!;
      });
      // The line is one of the sentences it cites, and it cites only sources it names.
      expect(cited.map((s) => s.sentence.text)).toContain(point.text);
      expect(point.sources).toEqual(expect.arrayContaining(point.evidence.map((e) => e.source)));
    }
  });
});

describe('summarize: today\'s news first', () => {
  // Three days of one story: the older outlet's lead is background by the briefing day.
  const monday = documentOf('S1', { published: '2026-11-23' }, [
    'The regional assembly voted to close the Harlow Pit coal mine by 2030, ending two centuries of mining in the valley.',
    'The mine employs 1,200 workers and supplies the Ashby power station.',
    'Union leaders warned that the closure plan would be resisted.',
  ]);
  const tuesday = documentOf('S2', { published: '2026-11-24' }, [
    'Union leaders at the Harlow Pit coal mine called a ballot on strike action over the assembly plan to close the mine by 2030.',
    'The mine employs 1,200 workers, many of them from families that have worked it for generations.',
  ]);
  const thursday = documentOf('S3', { published: '2026-11-26' }, [
    'Miners at the Harlow Pit coal mine walked out on Thursday, the first strike at the mine in forty years, after the assembly voted to close it by 2030.',
    'Police said the picket at the main gate was peaceful.',
    'The Ashby power station said it had coal stocks for three weeks.',
  ]);
  const thursdayWire = documentOf('S4', { published: '2026-11-26' }, [
    'Hundreds of miners walked out of the Harlow Pit coal mine on Thursday in the first strike there in forty years.',
    'The regional assembly voted this month to close the mine by 2030.',
  ]);
  const corpus = buildCorpus([monday, tuesday, thursday, thursdayWire]);
  const summary = summarize(corpus, groupClaims(corpus), 90);

  it('leads with the newest significant development, not the background every outlet repeats', () => {
    expect(summary[0]!.text).toMatch(/walked out/);
    expect(summary[0]!.sources).toEqual(expect.arrayContaining(['S3', 'S4']));
  });

  it('keeps the hard budget for every budget from 20 words up', () => {
    for (let budget = 20; budget <= 120; budget += 5) {
      const points = summarize(corpus, groupClaims(corpus), budget);
      const words = points.map((p) => p.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
      expect(points.length, `budget ${budget}`).toBeGreaterThan(0);
      expect(words, `budget ${budget}`).toBeLessThanOrEqual(budget);
    }
  });

  it('puts points about the story before its history', () => {
    const pit = documentOf('S1', { published: '2026-11-26' }, [
      'Miners at the Harlow Pit coal mine walked out on Thursday in the first strike at the mine in forty years.',
      'The pit was sunk in 1821 by a family of ironmasters from the valley.',
      'Police said the picket at the main gate of the mine stayed peaceful all day.',
    ]);
    const wire = documentOf('S2', { published: '2026-11-26' }, [
      'Hundreds of miners walked out of the Harlow Pit coal mine on Thursday.',
      'The Harlow Pit was sunk in 1821 by ironmasters from the valley.',
      'The picket at the main gate of the mine was peaceful, police said.',
    ]);
    const both = buildCorpus([pit, wire]);
    const texts = summarize(both, groupClaims(both), 80).map((p) => p.text);
    const history = texts.findIndex((t) => /1821/.test(t));
    const news = texts.findIndex((t) => /picket/.test(t));
    // History neither leads nor comes before the news.
    expect(history, texts.join('\n')).toBeGreaterThan(0);
    expect(news, texts.join('\n')).toBeGreaterThanOrEqual(0);
    expect(history).toBeGreaterThan(news);
  });
});

describe('summarize: the story\'s arc, not one sub-event twice', () => {
  const wire = documentOf('S1', {}, [
    'Fire crews fought a blaze at the Corran paper mill through Tuesday night after an explosion in the drying hall.',
    'Thick smoke from the burning paper mill drifted across the town and closed schools near the mill.',
    'The blaze at the paper mill sent smoke over the town for hours, and schools close to the mill were closed.',
    'Council engineers said the town would get a new water main next spring after hydrants ran dry.',
  ]);
  const paper = documentOf('S2', {}, [
    'An explosion in the drying hall of the Corran paper mill started a fire that burned through Tuesday night.',
    'Schools near the mill were closed as smoke drifted across the town.',
    'Hydrants in the street ran dry, and engineers said the town would get a new water main next spring.',
  ]);
  const corpus = buildCorpus([wire, paper]);
  const summary = summarize(corpus, groupClaims(corpus), 60);

  it('gives the second sub-event a point instead of restating the first', () => {
    const smoke = summary.filter((p) => /smoke/.test(p.text));
    expect(smoke.length).toBeLessThanOrEqual(1);
    expect(summary.some((p) => /water main/.test(p.text)), summary.map((p) => p.text).join('\n')).toBe(true);
  });
});
