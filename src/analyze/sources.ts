/** The brief's list of sources, and a warning for each one missing what readers rely on. */
import type { Origin, SourceEntry } from '../model/briefing.js';
import { isAbsoluteUrl, type Source } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';

const EXPECTED_FIELDS = ['title', 'outlet', 'published'] as const;

/** Each source as the brief lists it, with the origin (from `origins`) it belongs to. */
export function sourceEntries(sources: Source[], origins: readonly Origin[]): { entries: SourceEntry[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const originOf = new Map(origins.flatMap((o) => o.sources.map((id) => [id, o.id] as const)));
  const entries = sources.map((s): SourceEntry => {
    const missing = EXPECTED_FIELDS.filter((f) => !s.meta[f]);
    if (missing.length > 0) {
      warnings.push(
        warning('metadata-missing', 'analyze', `no ${missing.join(', ')} found (set ${missing.length > 1 ? 'them' : 'it'} in sources.json beside the file)`, {
          source: s.path,
          position: s.entry === undefined ? { field: missing.join(',') } : { entry: s.entry, field: missing.join(',') },
        }),
      );
    }
    const entry: SourceEntry = {
      id: s.id,
      path: s.path,
      title: s.meta.title ?? null,
      outlet: s.meta.outlet ?? null,
      // Readers drop addresses that are none; sources made in code are held to the same rule.
      url: s.meta.url !== undefined && isAbsoluteUrl(s.meta.url) ? s.meta.url : null,
      published: s.meta.published ?? null,
      author: s.meta.author ?? null,
      format: s.format,
      sha256: s.sha256,
      origin: originOf.get(s.id) ?? '',
    };
    if (s.entry !== undefined) entry.entry = s.entry;
    return entry;
  });
  return { entries, warnings };
}
