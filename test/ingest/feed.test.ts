import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { readFeedDate } from '../../src/ingest/feed-dates.js';
import { looksLikeFeed, parseFeed, type FeedRead } from '../../src/ingest/feed.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./feed/${name}`, import.meta.url)), 'utf8');
const read = (name: string, maxItems?: number): FeedRead =>
  parseFeed(fixture(name), maxItems === undefined ? { path: name } : { path: name, maxItems });

/** The INPUT error parseFeed throws for a text, or a failed expectation when it throws none. */
function refusal(text: string): BriefwrightError {
  try {
    parseFeed(text, { path: 'x' });
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('parseFeed accepted the input');
}

/** A billion-laughs DTD: ten entities, each ten of the one before (10^9 "lol"s if expanded). */
function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>
<!DOCTYPE rss [
  ${entities.join('\n  ')}
]>
<rss version="2.0"><channel><title>Laughing Stock &lol9;</title><link>https://laughs.example/</link>
<item><title>Joke &lol9;</title><link>https://laughs.example/1</link><description>Punchline &lol9;</description></item>
</channel></rss>`;
}

/** An RSS feed of `count` items, each with a full body of about 120 words. */
function bigFeed(count: number): string {
  const body = '<p>' + 'The quay was busy with boats and gulls all day long. '.repeat(11) + '</p>';
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Story ${i + 1} &amp; more</title><link>https://wire.example/s/${i + 1}</link><dc:creator>Desk ${i + 1}</dc:creator>` +
      `<pubDate>Mon, 02 Jun 2025 10:00:00 +0000</pubDate><description>Teaser ${i + 1}</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big Wire</title><link>https://wire.example/</link>\n${items.join('\n')}\n</channel></rss>`;
}

describe('looksLikeFeed', () => {
  it('recognises RSS 2.0, Atom, RDF and JSON Feed fixtures', () => {
    for (const name of ['rss-2.0.xml', 'atom.xml', 'rdf.xml', 'json-feed.json']) expect(looksLikeFeed(fixture(name)), name).toBe(true);
  });

  it('looks past a BOM, comments, processing instructions and a DOCTYPE with an internal subset', () => {
    expect(looksLikeFeed(`\uFEFF<?xml version="1.0"?>\n<!-- c --><?pi x?><!DOCTYPE rss [<!ENTITY a "]>">]>\n<rss version="2.0"><channel/></rss>`)).toBe(true);
    expect(looksLikeFeed(billionLaughs())).toBe(true);
  });

  it('takes an Atom root only in the Atom namespace, with or without a prefix', () => {
    expect(looksLikeFeed('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>x</a:title></a:feed>')).toBe(true);
    expect(looksLikeFeed('<feed><title>Cattle feed prices</title></feed>')).toBe(false);
    expect(looksLikeFeed('<feed xmlns="http://example.com/not-atom"><title>x</title></feed>')).toBe(false);
  });

  it('is false for an HTML page that links or mentions a feed, and for an XHTML page with an XML declaration', () => {
    expect(looksLikeFeed(fixture('page.html'))).toBe(false);
    expect(looksLikeFeed(fixture('page.xhtml'))).toBe(false);
  });

  it('is false for JSON articles, even when a nested object or a string holds a jsonfeed.org version', () => {
    expect(looksLikeFeed(fixture('articles.json'))).toBe(false);
    const article = { title: 'Pier reopens', text: 'The pier reopened.', source: { version: 'https://jsonfeed.org/version/1.1' } };
    expect(looksLikeFeed(JSON.stringify(article))).toBe(false);
    expect(looksLikeFeed(JSON.stringify({ title: 'x', text: '"version": "https://jsonfeed.org/version/1"' }))).toBe(false);
    expect(looksLikeFeed('{"version": "https://jsonfeed.org/version/1", "title": "J", "items": []}')).toBe(true);
  });

  it('is false for plain text and Markdown', () => {
    expect(looksLikeFeed('The rss of the harbour <feed> is here.')).toBe(false);
    expect(looksLikeFeed('# Tide tables\n\nHigh water at noon.')).toBe(false);
  });
});

describe('parseFeed', () => {
  describe('when the feed is RSS 2.0', () => {
    const feed = read('rss-2.0.xml');
    const item = (entry: number) => feed.items.find((i) => i.entry === entry);

    it('reads the channel title (entities decoded) and link', () => {
      expect(feed.title).toBe('Tidewater Gazette – Harbour');
      expect(feed.link).toBe('https://tidewater-gazette.example/harbour/');
    });

    it('takes content:encoded in CDATA as the full body and resolves a relative link against the channel link', () => {
      const ferry = item(1);
      expect(ferry).toMatchObject({
        title: 'Ferry service resumes after storm',
        url: 'https://tidewater-gazette.example/harbour/stories/ferry-resumes.html',
        author: 'Marta Quell',
        published: '2025-06-02',
        publishedAt: '2025-06-02T21:45:00Z',
        teaser: false,
      });
      expect(ferry?.html).toMatch(/^<p>The harbour ferry resumed its crossings on Monday morning/);
      expect(ferry?.html).toContain('</p>\n<p>Engineers from the port authority');
    });

    it('reads an HTML-escaped description as HTML, strips tags from the title, joins dc:creators, marks it a teaser', () => {
      expect(item(2)).toEqual({
        entry: 2,
        title: 'Council to vote on quay lights',
        url: 'https://tidewater-gazette.example/harbour/quay-lights',
        published: '2025-06-03',
        publishedAt: '2025-06-03T08:15:00Z',
        author: 'Ines Varga, Tom Brack',
        html: '<p>Councillors will decide on Thursday whether to pay for new lights on the south quay &amp; the pier.</p>',
        teaser: true,
      });
    });

    it('keeps the calendar date written in a named zone (EST) and a short content:encoded is still a teaser', () => {
      expect(item(3)).toMatchObject({ published: '2025-06-04', publishedAt: '2025-06-04T22:30:00-05:00', html: '<p>Read the full story on our site.</p>', teaser: true });
    });

    it('skips an item with neither link nor content, with a warning naming its entry', () => {
      expect(item(4)).toBeUndefined();
      expect(feed.warnings).toContainEqual({
        kind: 'input-rejected',
        stage: 'ingest',
        reason: 'feed item has neither an http(s) link nor any content; skipped',
        source: 'rss-2.0.xml',
        position: { entry: 4 },
        excerpt: 'An item with nothing to read',
      });
    });

    it('uses a permalink guid as the link and the RSS author name; a date with no time gives no instant', () => {
      expect(item(5)).toEqual({
        entry: 5,
        title: 'Tide tables for June',
        url: 'https://tidewater-gazette.example/harbour/tides-june',
        published: '2025-06-05',
        author: 'Harbour Desk',
        html: 'High water times for the month.',
        teaser: true,
      });
    });

    it('drops a link that is not http(s) and reports a date it cannot read', () => {
      expect(item(6)).toEqual({ entry: 6, title: 'Not a web link', html: 'A teaser whose link is no web address.', teaser: true });
      expect(feed.warnings).toContainEqual(
        expect.objectContaining({ kind: 'date-unresolved', position: { entry: 6 }, excerpt: 'sometime soon', reason: expect.stringMatching(/^1 feed item has a date/) }),
      );
      expect(feed.items.map((i) => i.entry)).toEqual([1, 2, 3, 5, 6]);
      expect(feed.warnings).toHaveLength(2);
    });
  });

  describe('when the feed is Atom', () => {
    const feed = read('atom.xml');

    it('reads an html-typed title and the alternate link against xml:base', () => {
      expect(feed.title).toBe('Northfield & District Ledger');
      expect(feed.link).toBe('https://northfield-ledger.example/');
      expect(feed.warnings).toEqual([]);
    });

    it('prefers rel="alternate" over an enclosure, resolves entry xml:base within the feed base, reads type="html" content', () => {
      const [bypass] = feed.items;
      expect(bypass).toMatchObject({
        entry: 1,
        title: 'Bypass opens a year late',
        url: 'https://northfield-ledger.example/news/roads/bypass-opens.html',
        published: '2025-06-02',
        publishedAt: '2025-06-02T23:30:00-05:00',
        author: 'Pia Lund',
        teaser: false,
      });
      expect(bypass?.html).toMatch(/^<p>The Northfield bypass opened to traffic on Monday night,.*<\/p><p>Drivers heading/);
    });

    it('reads type="xhtml" content as its inner markup; the entry takes the feed author and its updated date', () => {
      expect(feed.items[1]).toEqual({
        entry: 2,
        title: 'Library hours extended',
        url: 'https://northfield-ledger.example/news/library-hours',
        published: '2025-06-01',
        publishedAt: '2025-06-01T12:00:00+01:00',
        author: 'Ledger Newsroom',
        html: '<p>The central library will open until <strong>nine</strong> on weekdays &amp; until six on Saturdays.</p>',
        teaser: true,
      });
    });

    it('takes a summary-only entry as a teaser, its text summary escaped into a paragraph, and the first link when none is alternate', () => {
      expect(feed.items[2]).toEqual({
        entry: 3,
        title: 'School roof repairs',
        url: 'https://council.example/roofs',
        published: '2025-05-30',
        author: 'Ledger Newsroom',
        html: '<p>Two schools will close early &lt;for&gt; roof work.</p>',
        teaser: true,
      });
    });
  });

  describe('when the feed is JSON Feed 1.1', () => {
    const feed = read('json-feed.json');

    it('reads the title and home page', () => {
      expect(feed).toMatchObject({ title: 'Lakeshore Bulletin', link: 'https://lakeshore-bulletin.example/', warnings: [] });
    });

    it('takes content_html and the item authors', () => {
      expect(feed.items[0]).toEqual({
        entry: 1,
        title: "Boathouse saved by residents' fund",
        url: 'https://lakeshore-bulletin.example/2025/06/boathouse',
        published: '2025-06-02',
        publishedAt: '2025-06-02T07:00:00+02:00',
        author: 'Ola Brenn, Kai Sund',
        html: '<p>The old boathouse will stay.</p><p>Residents raised the money in a month.</p>',
        teaser: true,
      });
    });

    it('escapes content_text into paragraphs, resolves a relative url against the home page, falls back to the feed authors', () => {
      expect(feed.items[1]).toEqual({
        entry: 2,
        title: 'Water levels fall again',
        url: 'https://lakeshore-bulletin.example/2025/06/water-levels',
        published: '2025-06-03',
        author: 'Bulletin Staff',
        html: '<p>The lake fell another ten centimetres this week.</p>\n<p>Anglers say the shallows by the pier are now dry &amp; cracked.</p>',
        teaser: true,
      });
    });

    it('uses external_url when there is no url, and a summary as a teaser', () => {
      expect(feed.items[2]).toMatchObject({
        url: 'https://regional-weather.example/heat',
        published: '2025-06-04',
        publishedAt: '2025-06-04T18:00:00Z',
        html: '<p>Temperatures may reach 31 degrees.</p>',
        teaser: true,
      });
    });
  });

  describe('when the feed is RSS 1.0 (RDF)', () => {
    it('reads items, dc:creator and dc:date', () => {
      const feed = read('rdf.xml');
      expect(feed.title).toBe('Valley Post');
      expect(feed.items).toEqual([
        {
          entry: 1,
          title: 'Bridge inspection finds cracks',
          url: 'https://valley-post.example/bridge-inspection',
          published: '2025-06-02',
          publishedAt: '2025-06-02T08:00:00+02:00',
          author: 'Rune Holt',
          html: 'Inspectors found cracks in the old bridge.',
          teaser: true,
        },
      ]);
    });
  });

  describe('when the document declares entities', () => {
    it('does not expand a billion-laughs DTD, finishes fast and says the DTD was ignored', () => {
      const started = performance.now();
      const feed = parseFeed(billionLaughs(), { path: 'laughs.xml' });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(JSON.stringify(feed)).not.toContain('lollol');
      expect(feed.title).toBe('Laughing Stock &lol9;');
      expect(feed.items).toEqual([{ entry: 1, title: 'Joke &lol9;', url: 'https://laughs.example/1', html: 'Punchline &lol9;', teaser: true }]);
      expect(feed.warnings).toEqual([
        {
          kind: 'input-simplified',
          stage: 'ingest',
          reason: 'the DOCTYPE declares 10 entities (&lol;, &lol1;, &lol2;, …); feeds are read without their DTD, so references to them stay as written',
          source: 'laughs.xml',
          position: { line: 2 },
        },
      ]);
    });

    it('does not expand one large entity referenced many times (quadratic blow-up)', () => {
      const text = `<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(50_000)}">]><rss version="2.0"><channel><title>Q</title><item><link>https://q.example/1</link><description>${'&big;'.repeat(20_000)}</description></item></channel></rss>`;
      const feed = parseFeed(text, { path: 'q.xml' });
      expect(feed.items[0]?.html).toBe('&big;'.repeat(20_000));
      expect(JSON.stringify(feed)).not.toContain('AAAA');
    });

    it('neither reads nor fetches an external SYSTEM entity, general or parameter', () => {
      const dir = mkdtempSync(join(tmpdir(), 'briefwright-feed-'));
      const secret = join(dir, 'secret.txt');
      writeFileSync(secret, 'MARKER-7f3a-not-for-feeds');
      const text = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY leak SYSTEM "file://${secret}">
  <!ENTITY % remote SYSTEM "file://${secret}">
  %remote;
]>
<rss version="2.0"><channel><title>Leaky &leak;</title><link>https://leak.example/</link>
<item><title>Item &leak;</title><link>https://leak.example/1</link><description>Body &leak;</description></item></channel></rss>`;
      const feed = parseFeed(text, { path: 'leak.xml' });
      expect(JSON.stringify(feed)).not.toContain('MARKER-7f3a');
      expect(feed.items[0]).toMatchObject({ title: 'Item &leak;', html: 'Body &leak;' });
      expect(feed.warnings).toEqual([expect.objectContaining({ kind: 'input-simplified', reason: expect.stringContaining('1 entity (&leak;)') })]);
    });

    it('does not honour a DOCTYPE smuggled in after the root element either', () => {
      const text = `<rss version="2.0"><!DOCTYPE rss [<!ENTITY a "${'ha'.repeat(500)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><channel><title>T</title><item><link>https://late.example/1</link><description>x &b; y</description></item></channel></rss>`;
      const feed = parseFeed(text, { path: 'late.xml' });
      expect(feed.items[0]?.html).toBe('x &b; y');
      expect(JSON.stringify(feed)).not.toContain('haha');
    });
  });

  describe('when the feed is large', () => {
    const text = bigFeed(5000);

    it('keeps the first 500 items of 5,000 in feed order and warns how many were left out', () => {
      const started = performance.now();
      const feed = parseFeed(text, { path: 'big.xml' });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(feed.items).toHaveLength(500);
      expect(feed.items[0]).toMatchObject({ entry: 1, title: 'Story 1 & more', url: 'https://wire.example/s/1', author: 'Desk 1', teaser: false });
      expect(feed.items[499]).toMatchObject({ entry: 500, title: 'Story 500 & more' });
      expect(feed.warnings).toEqual([
        {
          kind: 'input-rejected',
          stage: 'ingest',
          reason: 'the feed has 5000 items; 4500 after the first 500 kept were left out',
          source: 'big.xml',
          position: { entry: 501 },
        },
      ]);
    });

    it('honours maxItems', () => {
      const feed = parseFeed(text, { path: 'big.xml', maxItems: 3 });
      expect(feed.items.map((i) => i.entry)).toEqual([1, 2, 3]);
      expect(feed.warnings[0]?.reason).toBe('the feed has 5000 items; 4997 after the first 3 kept were left out');
    });
  });

  describe('when the document is not a feed it can read', () => {
    it('refuses an HTML page and an XHTML page by their root element', () => {
      expect(refusal(fixture('page.html'))).toMatchObject({ code: ErrorCode.INPUT, message: 'not a feed: the root element is <html>, not rss, rdf:RDF or an Atom feed' });
      expect(refusal(fixture('page.xhtml')).message).toBe('not a feed: the root element is <html>, not rss, rdf:RDF or an Atom feed');
    });

    it('refuses JSON articles without a jsonfeed.org version, and JSON that does not parse', () => {
      expect(refusal(fixture('articles.json'))).toMatchObject({ code: ErrorCode.INPUT, message: 'not a JSON Feed: no top-level "version" starting "https://jsonfeed.org/version/"' });
      expect(refusal('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatchObject({ code: ErrorCode.INPUT, message: expect.stringMatching(/^not valid JSON \(/) });
    });

    it('says where broken XML stops being well-formed', () => {
      expect(refusal(fixture('broken.xml'))).toMatchObject({
        code: ErrorCode.INPUT,
        message: 'not well-formed XML at line 3: </titel> where </title> (opened at line 3) was expected',
      });
      expect(refusal('<rss version="2.0">\n<channel>\n<title>Cut off').message).toBe(
        'not well-formed XML: the document ends at line 3 with <title> (opened at line 3) still open',
      );
      expect(refusal('<rss version="2.0>\n<channel></channel></rss>').message).toBe('not well-formed XML at line 1: "<" starts no well-formed tag');
    });

    it('refuses markup nested 100,000 deep quickly instead of overflowing the stack', () => {
      const text = `<rss version="2.0"><channel><title>N</title><item><link>https://n.example/</link><foo>${'<y>'.repeat(100_000)}${'</y>'.repeat(100_000)}</foo></item></channel></rss>`;
      const started = performance.now();
      expect(refusal(text)).toMatchObject({ code: ErrorCode.INPUT, message: 'not an RSS feed that can be read (Maximum nested tags exceeded)' });
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('refuses text that holds no XML at all', () => {
      expect(refusal('Just a note about the harbour.')).toMatchObject({ code: ErrorCode.INPUT, message: 'not a feed: no XML root element was found' });
    });
  });
});

describe('readFeedDate', () => {
  it('reads RFC 822 dates with numeric and named zones, keeping the written calendar date', () => {
    expect(readFeedDate('Mon, 02 Jun 2025 23:30:00 -0500')).toEqual({ published: '2025-06-02', publishedAt: '2025-06-02T23:30:00-05:00' });
    expect(readFeedDate('Tue, 3 Jun 2025 08:15 GMT')).toEqual({ published: '2025-06-03', publishedAt: '2025-06-03T08:15:00Z' });
    expect(readFeedDate('03 Jun 25 08:15:00 PDT')).toEqual({ published: '2025-06-03', publishedAt: '2025-06-03T08:15:00-07:00' });
  });

  it('takes a time with no zone, or an unknown zone, as written', () => {
    expect(readFeedDate('2025-06-02T10:00:00')).toEqual({ published: '2025-06-02', publishedAt: '2025-06-02T10:00:00' });
    expect(readFeedDate('Mon, 02 Jun 2025 10:00:00 XYZ')).toEqual({ published: '2025-06-02', publishedAt: '2025-06-02T10:00:00' });
  });

  it('reads ISO 8601 with fractions and compact offsets, and a date alone without an instant', () => {
    expect(readFeedDate('2025-06-02T10:00:00.250+0530')).toEqual({ published: '2025-06-02', publishedAt: '2025-06-02T10:00:00.250+05:30' });
    expect(readFeedDate('2025-06-02')).toEqual({ published: '2025-06-02' });
    expect(readFeedDate('June 2, 2025')).toEqual({ published: '2025-06-02' });
  });

  it('rejects dates that are not on the calendar', () => {
    expect(readFeedDate('Sat, 31 Feb 2025 10:00:00 +0000')).toBeUndefined();
    expect(readFeedDate('2025-13-01')).toBeUndefined();
    expect(readFeedDate('soon')).toBeUndefined();
  });
});
