/** Message sizes in words a person can act on, for a message refused for its size before it was sent. */
import { formatByteSize as byteSize } from '../sizes.js';

/**
 * "harbour-bridge/2023-03-09/v1 was not sent: the message is 1.4 MB (the attachment …pdf is 1 MB, and
 * grows by a third in the message, as all attachments do) but smtp://… accepts at most 500 KB (SIZE 512000)…".
 */
export function oversizeMessage(
  versionKey: string,
  server: string,
  oversize: { size: number; limit: number | null },
  attachment: { name: string; bytes: number },
): string {
  const limit = oversize.limit === null ? 'refused it for its size' : `accepts at most ${byteSize(oversize.limit)} (SIZE ${oversize.limit})`;
  return (
    `${versionKey} was not sent: the message is ${byteSize(oversize.size)} (${oversize.size} bytes; the attachment ${attachment.name} ` +
    `is ${byteSize(attachment.bytes)}, and base64 encoding makes it a third larger in the message) but ${server} ${limit}. ` +
    'Nothing was sent and nothing recorded; send through a server that takes larger messages, or make the PDF smaller.'
  );
}
