/**
 * Looking inside PDFs with the reader's tools: the tag tree (pdfinfo -struct-text), bookmarks (qpdf --json),
 * the XMP packet (qpdf), word boxes (pdftotext -bbox), and a strict XML well-formedness check for the XMP.
 */
import { pdfObjects, runTool } from '../helpers/pdf-tools.js';

/** A structure element as pdfinfo prints it: its type, its own text (in order) and its children. */
export interface StructNode {
  type: string;
  /** Its own strings of text, in order. */
  text: string[];
  children: StructNode[];
  /** Text and children interleaved, as they come. */
  content: Array<string | StructNode>;
}

/** The tag tree of a PDF (the StructTreeRoot's children), parsed from `pdfinfo -struct-text`. */
export function structTree(file: string): StructNode[] {
  const r = runTool('pdfinfo', ['-struct-text', file]);
  if (r.status !== 0) throw new Error(`pdfinfo -struct-text failed: ${r.stderr}`);
  const roots: StructNode[] = [];
  const stack: Array<{ indent: number; node: StructNode }> = [];
  for (const line of r.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]?.node;
    if (body.startsWith('"')) {
      parent?.text.push(body.slice(1, -1));
      parent?.content.push(body.slice(1, -1));
      continue;
    }
    // Attribute lines ("/Scope /Column") and object references belong to the element above.
    if (body.startsWith('/') || body.startsWith('Object ')) continue;
    const type = /^([A-Za-z0-9]+)/.exec(body)?.[1] ?? body;
    const node: StructNode = { type, text: [], children: [], content: [] };
    if (parent) {
      parent.children.push(node);
      parent.content.push(node);
    } else roots.push(node);
    stack.push({ indent, node });
  }
  return roots;
}

/** All text under a node, children included, in reading order. */
export function allText(node: StructNode): string {
  return node.content.map((c) => (typeof c === 'string' ? c : allText(c))).join('');
}

/** Every node of the tree, depth first. */
export function walk(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

/** Bookmarks: title and 1-based page number, in order (nested ones flattened). */
export function outlines(file: string): Array<{ title: string; page: number; dest: unknown[] }> {
  const r = runTool('qpdf', ['--json', '--json-key=outlines', file]);
  if (r.status !== 0) throw new Error(`qpdf --json failed: ${r.stderr}`);
  type Item = { title: string; destpageposfrom1: number; dest: unknown[]; kids: Item[] };
  const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.kids)]);
  return flat((JSON.parse(r.stdout) as { outlines: Item[] }).outlines).map((i) => ({ title: i.title, page: i.destpageposfrom1, dest: i.dest }));
}

/** The catalog's XMP metadata stream, as UTF-8 text. */
export function xmpPacket(file: string): string {
  const objects = pdfObjects(file);
  const catalog = Object.values(objects).find((v) => (v as Record<string, unknown> | null)?.['/Type'] === '/Catalog') as Record<string, string> | undefined;
  const ref = catalog?.['/Metadata'];
  if (!ref) throw new Error('the catalog has no /Metadata');
  const r = runTool('qpdf', [`--show-object=${ref.split(' ')[0]}`, '--raw-stream-data', file]);
  if (r.status !== 0) throw new Error(`qpdf --show-object failed: ${r.stderr}`);
  return r.stdout;
}

/** A word pdftotext found, with its box in points (y down from the top of the page). */
export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page with its box, from `pdftotext -bbox`. */
export function wordBoxes(file: string): { pages: Array<{ width: number; height: number }>; words: WordBox[] } {
  const r = runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const pages: Array<{ width: number; height: number }> = [];
  const words: WordBox[] = [];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const line of r.stdout.split('\n')) {
    const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (page) pages.push({ width: Number(page[1]), height: Number(page[2]) });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) {
      words.push({ page: pages.length, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), text: decode(word[5]!) });
    }
  }
  return { pages, words };
}

/**
 * Check that `xml` is well-formed XML 1.0 (the parts XMP uses: declarations, processing instructions,
 * comments, CDATA, elements, attributes, entity and character references). Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const name = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const reference = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
  const checkText = (text: string, at: number) => {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '<') problems.push(`"<" in text at ${at + i}`);
      if (text[i] === '&') {
        reference.lastIndex = i;
        if (!reference.test(text)) problems.push(`bare "&" at ${at + i}`);
      }
    }
  };
  let i = 0;
  let roots = 0;
  while (i < xml.length) {
    const open = xml.indexOf('<', i);
    const text = xml.slice(i, open === -1 ? xml.length : open);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root element at ${i}`);
    checkText(text, i);
    if (open === -1) break;
    const rest = xml.slice(open);
    const skip = (end: string) => {
      const close = xml.indexOf(end, open);
      if (close === -1) problems.push(`unclosed ${rest.slice(0, 10)} at ${open}`);
      return close === -1 ? xml.length : close + end.length;
    };
    if (rest.startsWith('<?')) i = skip('?>');
    else if (rest.startsWith('<!--')) i = skip('-->');
    else if (rest.startsWith('<![CDATA[')) i = skip(']]>');
    else if (rest.startsWith('<!')) i = skip('>');
    else {
      const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`).exec(rest);
      if (!tag) {
        problems.push(`malformed tag at ${open}: ${rest.slice(0, 30)}`);
        i = open + 1;
        continue;
      }
      const [whole, closing, tagName, attributes, selfClosing] = tag;
      for (const value of attributes!.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) checkText(value[1] ?? value[2] ?? '', open);
      if (closing) {
        const expected = stack.pop();
        if (expected !== tagName) problems.push(`</${tagName}> closes <${expected ?? 'nothing'}> at ${open}`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(tagName!);
      } else if (stack.length === 0) roots++;
      i = open + whole!.length;
    }
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The text of the first element named `tag` (entities decoded), or undefined. */
export function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m) return undefined;
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
