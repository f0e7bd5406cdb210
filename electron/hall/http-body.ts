// A request body read whole, up to a limit: uploads (grid GeoJSON, roster files) are small files, and one
// larger than its limit is refused before it fills the hall's memory.
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

/** Past the limit the rest is read and dropped, so the refusal reaches the sender; this far past, cut off. */
const DRAIN_FACTOR = 4;

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      if (size - chunk.length <= limit) reject(new BodyTooLarge(`文件超过 ${limit / 1024 / 1024} MB / file larger than ${limit / 1024 / 1024} MB`));
      if (size > DRAIN_FACTOR * limit) req.destroy();
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
