/** Scripts, styles, SVG and comments are taken out before parsing; JSON-LD stays, for the metadata. */
import { describe, expect, it } from 'vitest';
import { withoutInertMarkup } from '../../src/ingest/dom.js';

describe('withoutInertMarkup', () => {
  it('removes scripts, styles, inline SVG and comments, keeps JSON-LD and the text between', () => {
    const html = '<p>a<script>var x = "</p>";</script>b<SCRIPT type="application/ld+json">{"headline":"H"}</SCRIPT>c<!-- note -->d<style>p{}</style>e<svg><title>icon</title></svg>f</p>';
    expect(withoutInertMarkup(html)).toBe('<p>ab<SCRIPT type="application/ld+json">{"headline":"H"}</SCRIPT>cdef</p>');
  });

  it('leaves an unclosed script as written for the parser', () => {
    expect(withoutInertMarkup('<p>a</p><script>never closed')).toBe('<p>a</p><script>never closed');
  });

  it('stays linear on thousands of unclosed openings', () => {
    const hostile = '<script'.repeat(100_000) + '<!--'.repeat(100_000);
    // A quadratic scan of this input takes minutes and runs into the test timeout; speed itself is the bench's.
    expect(withoutInertMarkup(hostile)).toBe(hostile);
  });
});
