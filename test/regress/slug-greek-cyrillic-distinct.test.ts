/**
 * Regression: a title with no Latin letters ("Αθήνα …", "Київ …") slugified to "" and then to one shared
 * fallback name, so an unrelated Greek or Cyrillic story was archived as the next version of another's.
 * Now titles in any script give readable, distinct slugs, and a title with nothing usable gets a stable
 * name derived from its own text.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/archive/slug.js';
import { sha256 } from '../../src/durable.js';
import { SLUG_PATTERN } from '../../src/options.js';
import { ARTICLES, DATE, writeArticles } from '../archive/helpers.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('slugify in any script', () => {
  it.each([
    ['Αθήνα: απεργία στα μέσα μεταφοράς', 'athina-apergia-sta-mesa-metaforas'],
    ['Київ: обстріл енергетичної інфраструктури', 'kyiv-obstril-enerhetychnoi-infrastruktury'],
    ['Миколаїв і Запоріжжя без світла', 'mykolaiv-i-zaporizhzhia-bez-svitla'],
    ['Знам’янка: «Їжак» на вокзалі', 'znamianka-yizhak-na-vokzali'],
    ['Москва: съезд объявлен', 'moskva-sezd-obyavlen'],
    ['Łódź: gęślą jaźń', 'lodz-gesla-jazn'],
    ['Größere Übernahme in Köln', 'grossere-ubernahme-in-koln'],
    ['القاهرة: احتجاجات في ميدان التحرير', 'lqhr-htjjt-fy-mydn-lthryr'],
    ['ירושלים: הפגנה מול הכנסת', 'yrvshlym-hpgnh-mvl-hknst'],
    ['北京发布新的空气质量报告', 'bei-jing-fa-bu-xin-de-kong-qi-zhi-liang-bao-gao'],
    ['서울 지하철 파업', 'seoul-jihaceol-paeob'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('gives unrelated titles in Greek, Ukrainian and Russian distinct, valid slugs', () => {
    const titles = ['Αθήνα: απεργία', 'Αθήνα: πλημμύρες', 'Київ: обстріл', 'Київ: вибори', 'Киев: выборы', 'Москва: выборы'];
    const slugs = titles.map(slugify);
    expect(new Set(slugs).size).toBe(titles.length);
    for (const s of slugs) {
      expect(s).toMatch(SLUG_PATTERN);
      expect(s.length).toBeLessThanOrEqual(60);
    }
  });

  it('names a title with nothing usable after its own text: stable, distinct, never one shared name', () => {
    const named = (title: string) => `brief-${sha256(title.normalize('NFC')).slice(0, 8)}`;
    for (const title of ['🔥🌉🚧', '🚧', '!!! — ??? …', '', '   ']) expect(slugify(title)).toBe(named(title));
    expect(new Set(['🔥', '🌉', '!!!', '???', ''].map(slugify)).size).toBe(5);
    // The same text written decomposed is the same title.
    expect(slugify('\u2014\u0301')).toBe(slugify('\u2014\u0301'.normalize('NFC')));
    expect(slugify('🚧')).toMatch(SLUG_PATTERN);
  });

  it('keeps long slugs under 60 characters, cut at a hyphen', () => {
    const slug = slugify('Αθήνα '.repeat(20));
    expect(slug).toBe(Array(10).fill('athina').join('-').slice(0, 55));
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe('brief build with Greek and Cyrillic titles', () => {
  it('archives two unrelated stories in two folders, each as its own v1', () => {
    const cwd = tempDir('slug-cli-');
    writeArticles(join(cwd, 'a'), { 'gazette.txt': ARTICLES.gazette });
    writeArticles(join(cwd, 'b'), { 'wire.txt': ARTICLES.wire });
    const build = (input: string, title: string) =>
      runCli(['build', input, '--title', title, '--date', DATE, '--out', 'out', '--format', 'json'], cwd);
    const greek = build('a', 'Αθήνα: απεργία στα μέσα μεταφοράς');
    const cyrillic = build('b', 'Київ: обстріл енергетичної інфраструктури');
    expect([greek.status, greek.stdout.trim()]).toEqual([0, join('out', 'athina-apergia-sta-mesa-metaforas', DATE, 'v1')]);
    expect([cyrillic.status, cyrillic.stdout.trim()]).toEqual([0, join('out', 'kyiv-obstril-enerhetychnoi-infrastruktury', DATE, 'v1')]);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['athina-apergia-sta-mesa-metaforas', 'kyiv-obstril-enerhetychnoi-infrastruktury']);
  });
});
