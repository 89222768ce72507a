/** Sizes in bytes as people write and read them ("16MB", "800 KB"), through the `bytes` package (KB = 1024). */
import bytes from 'bytes';

/** The size a text such as "5MB", "800KB" or "1048576" means, in bytes (KB = 1024); undefined when it is none. */
export function parseByteSize(text: string | number): number | undefined {
  // bytes.parse alone takes "5m" as 5 bytes: only the units it really knows pass.
  const value = typeof text === 'number' ? text : /^\s*\d+(\.\d+)?\s*(b|kb|mb|gb)?\s*$/i.test(text) ? bytes.parse(text) : null;
  return value !== null && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
}

/** "16 MB", "14.2 KB", "812 B": a byte count as people read it. */
export function formatByteSize(count: number): string {
  return bytes.format(count, { unitSeparator: ' ' }) ?? `${count} B`;
}
