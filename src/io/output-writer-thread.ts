import { parentPort } from 'node:worker_threads';
import { writeFileAtomicSync } from './write-output.js';

/** One batch of files to write, in order; answered with the same id and the first error, if any. */
export interface WriteRequest {
  id: number;
  files: { file: string; content: string }[];
}

export interface WriteReply {
  id: number;
  error?: { message: string; code?: string };
}

// The thread started by output-writer.ts: blocking atomic writes, one batch at a time.
parentPort?.on('message', (request: WriteRequest) => {
  const reply: WriteReply = { id: request.id };
  try {
    for (const { file, content } of request.files) writeFileAtomicSync(file, content);
  } catch (error) {
    reply.error = { message: (error as Error).message, code: (error as NodeJS.ErrnoException).code };
  }
  parentPort?.postMessage(reply);
});
