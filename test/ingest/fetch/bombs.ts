/** Decompression bombs for the size-cap tests, made by streaming zeros through zlib: never held inflated. */
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliCompress, createGzip, constants } from 'node:zlib';

/** `megabytes` MB of zeros compressed by `compressor`: 200 MB gzips to about 200 KB, and brotlis to a few hundred bytes. */
export async function zeroBomb(megabytes: number, compressor: Transform): Promise<Buffer> {
  const megabyte = Buffer.alloc(1024 * 1024);
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from((function* zeros() {
      for (let i = 0; i < megabytes; i += 1) yield megabyte;
    })()),
    compressor,
    async (source: AsyncIterable<Buffer>) => {
      for await (const part of source) parts.push(part);
    },
  );
  return Buffer.concat(parts);
}

export const gzipBomb = (megabytes: number): Promise<Buffer> => zeroBomb(megabytes, createGzip({ level: 9 }));
export const brotliBomb = (megabytes: number): Promise<Buffer> =>
  zeroBomb(megabytes, createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
