import type { Response } from 'express';

/**
 * Writes a piece of a streamed response and waits while the socket's buffer
 * is full, so a slow client holds back the store reads instead of memory
 * filling up. Resolves early when the client went away.
 */
export async function writeResponseText(res: Response, text: string): Promise<void> {
  if (res.write(text) || res.destroyed) {
    return;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
