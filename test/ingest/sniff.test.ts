import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/sniff.js';

describe('sniffFormat', () => {
  it('takes JSON objects and arrays, whatever the name', () => {
    expect(sniffFormat('{"title": "A", "content": "B"}', 'story.txt')).toBe('json');
    expect(sniffFormat('  [ {"title": "A"} ]\n', 'feed')).toBe('json');
  });

  it('does not take text that only starts with a brace for JSON', () => {
    expect(sniffFormat('{Editor’s note} The council met on Monday.', 'a.json')).toBe('text');
  });

  it('takes whole HTML documents', () => {
    expect(sniffFormat('<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>x</p></body></html>')).toBe('html');
    expect(sniffFormat('<!-- saved page -->\n<html lang="en"><body>Text</body></html>', 'page.txt')).toBe('html');
  });

  it('takes HTML fragments pasted into a .txt file', () => {
    expect(sniffFormat('<p>First paragraph.</p>.<p>Second paragraph.</p>', 'story.txt')).toBe('html');
    expect(sniffFormat('<div class="x">One</div>\n<div>Two</div>\n', 'story.txt')).toBe('html');
  });

  it('leaves prose that mentions a tag as text', () => {
    expect(sniffFormat('Editors wrap paragraphs in <p> tags.\n\nThat is all.', 'note.txt')).toBe('text');
  });

  it('takes YAML front matter as Markdown, even in a .txt file', () => {
    expect(sniffFormat('---\ntitle: Hello\n---\n\nBody text.', 'a.txt')).toBe('markdown');
  });

  it('takes ATX headings and links as Markdown evidence', () => {
    expect(sniffFormat('# Headline\n\nBody text.', 'a.txt')).toBe('markdown');
    expect(sniffFormat('Intro with **bold** and a [link](https://example.com).', 'a.txt')).toBe('markdown');
  });

  it('uses a .md name only to break a tie', () => {
    expect(sniffFormat('Some **bold** text.', 'a.txt')).toBe('text');
    expect(sniffFormat('Some **bold** text.', 'a.md')).toBe('markdown');
    expect(sniffFormat('Just a plain paragraph.', 'a.md')).toBe('markdown');
    expect(sniffFormat('<p>Markup wins over the name.</p>', 'a.md')).toBe('html');
  });

  it('does not take hashtags or bullets alone as Markdown', () => {
    expect(sniffFormat('#breaking news from the harbour\n\n- one\n- two', 'a.txt')).toBe('text');
  });
});
