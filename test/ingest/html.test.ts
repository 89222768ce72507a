import { describe, expect, it } from 'vitest';
import { readHtml, htmlFragmentBlocks } from '../../src/ingest/html.js';
import { readOne } from './fixtures.js';

const read = (text: string, referenceDate = '2025-05-15') => {
  const { articles, warnings } = readHtml({ path: 'page.html', text, referenceDate });
  expect(warnings).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0]!;
};

const PARAS = [
  'The water company said on Tuesday that a burst main had left 4,000 homes without supply overnight.',
  'Engineers worked through the night and expected to restore supply by midday, a spokesperson said.',
  'Bottled water was being handed out at the leisure centre car park until 8pm.',
];

describe('readHtml metadata', () => {
  it('reads Open Graph meta and strips the site suffix from og:title', () => {
    const article = read(`<html><head>
      <meta property="og:title" content="Burst main leaves homes without water - Riverside Daily">
      <meta property="og:site_name" content="Riverside Daily">
      <meta property="og:url" content="https://riverside.example/water">
      <meta property="article:published_time" content="2025-05-13T07:15:00+01:00">
      </head><body>${PARAS.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
    expect(article.meta).toMatchObject({
      title: 'Burst main leaves homes without water',
      outlet: 'Riverside Daily',
      url: 'https://riverside.example/water',
      published: '2025-05-13',
    });
    expect(article.metaOrigin).toMatchObject({ title: 'html-meta', outlet: 'html-meta', url: 'html-meta', published: 'html-meta' });
  });

  it('accepts article:published_time given as name=, then <time datetime>, then JSON-LD', () => {
    const viaName = read(`<html><head><meta name="article:published_time" content="2025-05-30T22:00:00-07:00"></head><body><p>${PARAS[0]}</p></body></html>`);
    expect(viaName.meta.published).toBe('2025-05-30');

    const viaTime = read(`<html><body><article><p><time datetime="2025-05-28T09:00:00Z">Wednesday</time></p><p>${PARAS[0]}</p></article></body></html>`);
    expect(viaTime.meta.published).toBe('2025-05-28');
    expect(viaTime.metaOrigin.published).toBe('time-element');

    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'NewsArticle', headline: 'Mains repaired', datePublished: '2025-05-27', author: [{ name: 'Kim Lee' }, { name: 'Sol Park' }], publisher: { '@type': 'Organization', name: 'Valley Wire' } }] });
    const viaLd = read(`<html><head><script type="application/ld+json">${ld}</script></head><body><p>${PARAS[0]}</p></body></html>`);
    expect(viaLd.meta).toMatchObject({ title: 'Mains repaired', published: '2025-05-27', author: 'Kim Lee, Sol Park', outlet: 'Valley Wire' });
  });

  it('falls back to the first h1 for the title, and reads meta name=date and author', () => {
    const article = read(`<html><head><meta name="date" content="2025-05-02"><meta name="author" content="Ola Berg"></head><body><h1>Supply restored</h1><p>${PARAS[0]}</p></body></html>`);
    expect(article.meta).toMatchObject({ title: 'Supply restored', published: '2025-05-02', author: 'Ola Berg' });
    expect(article.metaOrigin.title).toBe('h1');
  });

  it('takes the part after a separator as the outlet when the part before it is the h1', () => {
    const article = read(`<html><head><title>Water back on in the valley - Valley Voice</title></head><body><h1>Water back on in the valley</h1><p>${PARAS[0]}</p></body></html>`);
    expect(article.meta).toMatchObject({ title: 'Water back on in the valley', outlet: 'Valley Voice' });
    expect(article.metaOrigin).toMatchObject({ title: 'html-title', outlet: 'title-suffix' });
  });

  it('finds byline and publication lines even where Readability leaves them out of its extract', () => {
    const long = PARAS.map((p) => `<p>${p} ${p}</p>`).join('');
    const article = read(`<html><head><title>Supply restored</title></head><body><article>
      <p class="byline">By Kim Lee</p><p class="dateline">Published Tuesday, May 13, 2025</p>${long}${long}</article></body></html>`);
    expect(article.blocks.some((b) => b.text === 'By Kim Lee')).toBe(false);
    expect(article.meta).toMatchObject({ author: 'Kim Lee', published: '2025-05-13' });
  });

  it('does not strip a title suffix that is not the site name', () => {
    const article = read(`<html><head><title>Water back on - at last</title><meta property="og:site_name" content="Riverside Daily"></head><body><p>${PARAS[0]}</p></body></html>`);
    expect(article.meta.title).toBe('Water back on - at last');
  });
});

describe('readHtml body', () => {
  it('keeps captions, quotes, list items and inline text; skips script/nav/footer/aside/form', () => {
    const article = read(`<html><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <header><p>Site masthead</p></header>
      <article><header><p class="kicker">Water</p></header>
      <p>${PARAS[0]}</p>
      <figure><img src="x.jpg"><figcaption>Engineers at the site. Photo: Staff</figcaption></figure>
      <blockquote><p>We are sorry for the disruption.</p></blockquote>
      <p>Supply <em>should</em> return by <a href="/x">midday</a>.</p>
      <ul><li>Boil water before drinking</li><li>Run taps for two minutes</li></ul>
      <script>var x = "not text";</script>
      </article>
      <aside><p>Most read</p></aside><form><p>Sign up</p></form><footer><p>Copyright</p></footer>
      </body></html>`);
    const texts = article.blocks.map((b) => `${b.role}: ${b.text}`);
    expect(texts).toContain('caption: Engineers at the site. Photo: Staff');
    expect(texts).toContain('blockquote: We are sorry for the disruption.');
    expect(texts).toContain('paragraph: Supply should return by midday.');
    expect(texts).toContain('list-item: Boil water before drinking');
    expect(texts).toContain('paragraph: Water');
    expect(texts.join('\n')).not.toMatch(/Site masthead|Most read|Sign up|Copyright|not text|Home/);
  });

  it('keeps Readability\'s article when it holds under half of a page of rails and comments (regression: whole-page-fallback)', () => {
    // The reader used to take the whole body whenever Readability kept under half of it: on real pages that
    // let menus, story rails and comment threads in.
    const rail = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Other story number ${i + 1} about the weather in the hills</a></li>`).join('');
    const comments = Array.from({ length: 3 }, (_, i) => `<div class="comment"><p>Reader ${i + 1}: so true</p></div>`).join('');
    const article = read(`<html><body><div class="page"><div class="story"><article><p>${PARAS[0]}</p><p>${PARAS[1]}</p><p>${PARAS[2]}</p></article></div>
      <div class="sidebar"><ul>${rail}</ul></div><div class="comments">${comments}</div></div></body></html>`);
    expect(article.blocks.map((b) => b.text)).toEqual(PARAS);
  });

  it('drops a run of three or more link titles inside the article (related-story rail)', () => {
    const links = ['Harbour fees rise again', 'Ferry timetable changes', 'Quay works start in spring'].map((t) => `<p><a href="/x">${t}</a></p>`).join('');
    const article = read(`<html><body><article><p>${PARAS[0]}</p>${links}<p>${PARAS[1]}</p><p>${PARAS[2]}</p></article></body></html>`);
    expect(article.blocks.map((b) => b.text)).toEqual(PARAS);
    expect(article.left?.filter((b) => b.rule === 'link-list').map((b) => b.text)).toEqual(['Harbour fees rise again', 'Ferry timetable changes', 'Quay works start in spring']);
  });

  it('keeps one or two linked lines: a link in the story is not a rail', () => {
    const article = read(`<html><body><article><p>${PARAS[0]}</p><p><a href="/r">Read the council report</a></p><p>${PARAS[1]}</p><p>${PARAS[2]}</p></article></body></html>`);
    expect(article.blocks.map((b) => b.text)).toContain('Read the council report');
  });

  it('turns <br> into a line break inside the block and decodes entities', () => {
    const [block] = htmlFragmentBlocks('<p>Line one &amp; more<br>Line&nbsp;two &ldquo;quoted&rdquo;</p>');
    expect(block).toEqual({ text: 'Line one & more\nLine two “quoted”', role: 'paragraph' });
  });

  it('reads fragments with stray full stops between them, wrapped in html/body', () => {
    const { source } = readOne('paste.txt', '<p>First part of the story.</p>.<p><strong>Second</strong> part.</p>.');
    expect(source.format).toBe('html');
    expect(source.blocks).toEqual([
      { text: 'First part of the story.', role: 'paragraph' },
      { text: 'Second part.', role: 'paragraph' },
    ]);
  });

  it('reads windows-1252 HTML without mojibake', () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Prices</title></head><body><p>'),
      Buffer.from([0x93]),
      Buffer.from('A ticket now costs '),
      Buffer.from([0x80]),
      Buffer.from('3,'),
      Buffer.from([0x94]),
      Buffer.from(' the operator said.</p></body></html>'),
    ]);
    const { source, warnings } = readOne('prices.html', bytes);
    expect(warnings).toEqual([]);
    expect(source.encoding).toBe('windows-1252');
    expect(source.blocks[0]?.text).toBe('“A ticket now costs €3,” the operator said.');
  });
});
