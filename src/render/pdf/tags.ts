/**
 * The tag tree of the PDF (tagged PDF): every piece of content is either marked as belonging to a structure
 * element (H1, P, LI, TD, Link…) in reading order, or as an Artifact (running header and footer, rules,
 * backgrounds, repeated table headers), which screen readers and text extraction skip.
 */

type StructElement = PDFKit.PDFStructureElement;
type StructContent = PDFKit.PDFStructureContent;

/** Structure types this writer uses (PDF 1.7, 14.8.4). */
export type StructType =
  | 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'TR' | 'TH' | 'TD' | 'BlockQuote' | 'Link' | 'Figure';

/** What a link leads to, for the annotation's description (read aloud instead of the link's bare text). */
export type LinkDescriber = (target: { url?: string; destination?: string }) => string;

/** The parts of pdfkit's document this module reaches into (internal methods, present in pdfkit 0.20). */
interface DocInternals {
  _fragment?: (text: string, x: number, y: number, options: Record<string, unknown>) => void;
  annotate?: (x: number, y: number, w: number, h: number, options: Record<string, unknown>) => unknown;
}

/** An element whose content is being drawn: its marked content is open on the page. */
interface Open {
  element: StructElement;
  type: StructType;
  /** The element's marked content open now; null just after a link, until more text comes. */
  content: StructContent | null;
}

/** Builds the tag tree of one document while the sections draw. */
export class Tagger {
  /** The Document element every section hangs from. */
  readonly root: StructElement;
  private readonly types = new WeakMap<StructElement, StructType>();
  private open: Open | null = null;
  /** The Link element of the link fragment being drawn, for the annotation pdfkit makes for it. */
  private pendingLink: StructElement | null = null;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly describeLink: LinkDescriber,
  ) {
    this.root = doc.struct('Document');
    this.types.set(this.root, 'Document');
    doc.addStructure(this.root);
    this.tagLinks();
  }

  /**
   * A new element of `type` under `parent`. It is attached to the tree at once, so elements and links end
   * (and are written) on the page where they are drawn.
   */
  element(type: StructType, parent: StructElement = this.root, options: Record<string, unknown> = {}): StructElement {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    this.types.set(element, type);
    parent.add(element);
    return element;
  }

  /** Draw content that belongs to `element` (text, list markers); it may run onto following pages. */
  content(element: StructElement, draw: () => void): void {
    if (this.open) throw new Error(`tagging: content of a ${this.typeOf(element)} started inside a ${this.open.type}`);
    const type = this.typeOf(element);
    this.open = { element, type, content: this.doc.markStructureContent(type) };
    try {
      draw();
    } finally {
      const open = this.open;
      this.open = null;
      if (open.content) {
        this.doc.endMarkedContent();
        element.add(open.content);
      }
    }
  }

  /** An element of `type` under `parent` holding what `draw` draws, ended at once. */
  block(type: StructType, parent: StructElement, draw: () => void, options: Record<string, unknown> = {}): StructElement {
    const element = this.element(type, parent, options);
    this.content(element, draw);
    element.end();
    return element;
  }

  /** Draw something that is not content: page furniture (Pagination) or decoration (Layout). */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    if (this.open) throw new Error(`tagging: an artifact drawn inside a ${this.open.type}`);
    this.doc.markContent('Artifact', { type });
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
    }
  }

  private typeOf(element: StructElement): StructType {
    const type = this.types.get(element);
    if (!type) throw new Error('tagging: an element this Tagger did not make');
    return type;
  }

  /**
   * pdfkit tags a link only when the link's text is drawn through a structure closure, which our runs of
   * text are not. So each fragment of text that carries a link is given its own Link element here: the
   * paragraph's marked content is closed, the link's text is marked as the Link's, the link annotation
   * is attached to it (with a description), and the paragraph's content reopens after it.
   */
  private tagLinks(): void {
    const doc = this.doc as unknown as DocInternals;
    const fragment = doc._fragment;
    const annotate = doc.annotate;
    // If pdfkit's internals change shape, links are drawn untagged rather than the render failing.
    if (typeof fragment !== 'function' || typeof annotate !== 'function') return;
    doc._fragment = (text, x, y, options) => {
      const open = this.open;
      const linked = options['link'] != null || options['goTo'] != null;
      if (!open || `${text}`.replace(/\n/g, '') === '') {
        fragment.call(this.doc, text, x, y, options);
        return;
      }
      if (!linked) {
        open.content ??= this.doc.markStructureContent(open.type);
        fragment.call(this.doc, text, x, y, options);
        return;
      }
      // Ending marked content makes pdfkit forget the running text's link options (the same object as
      // `options` while runs continue): put them back each time.
      const kept = { link: options['link'], goTo: options['goTo'], destination: options['destination'] };
      if (open.content) {
        this.doc.endMarkedContent();
        Object.assign(options, kept);
        open.element.add(open.content);
        open.content = null;
      }
      const link = this.element('Link', open.element);
      link.add(this.doc.markStructureContent('Link'));
      this.pendingLink = link;
      try {
        fragment.call(this.doc, text, x, y, options);
      } finally {
        this.pendingLink = null;
        this.doc.endMarkedContent();
        Object.assign(options, kept);
        link.end();
      }
    };
    doc.annotate = (x, y, w, h, options) => {
      const link = this.pendingLink;
      if (!link || options['Subtype'] !== 'Link' || options['structParent']) return annotate.call(this.doc, x, y, w, h, options);
      const action = options['A'] as { data?: { URI?: unknown; D?: unknown } } | undefined;
      const url = action?.data?.URI;
      const destination = action?.data?.D;
      const target = { ...(url != null ? { url: String(url) } : {}), ...(typeof destination === 'object' && destination !== null ? { destination: String(destination) } : {}) };
      // pdfkit writes a JavaScript String object as a PDF text string (a plain string would become a name).
      const described = { ...options, structParent: link, Contents: new String(this.describeLink(target)) };
      return annotate.call(this.doc, x, y, w, h, described);
    };
  }
}
