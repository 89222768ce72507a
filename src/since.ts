/** "--since 24h": a span before now, read with the \`ms\` package ("90m", "24h", "3d", "1w"). */
import ms from 'ms';

/** Why a span cannot be used, or undefined when it can. */
export function sinceProblem(span: string): string | undefined {
  const millis = spanMs(span);
  if (millis === undefined) return `must be a span such as 90m, 24h or 3d, not "${span}"`;
  return millis <= 0 ? `must be longer than nothing, not "${span}"` : undefined;
}

/** The span in milliseconds, or undefined when it is no span. */
export function spanMs(span: string): number | undefined {
  const millis = ms(span.trim() as ms.StringValue) as number | undefined;
  return typeof millis === 'number' && Number.isFinite(millis) ? millis : undefined;
}
