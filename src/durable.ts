/** Bytes that must survive a crash: hashed for the record, and flushed to disk before anyone relies on them. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** SHA-256 of bytes (or UTF-8 text), as lower-case hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Create `path` (it must not exist) with these bytes and flush them to disk. */
export async function writeFileDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
