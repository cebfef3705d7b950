import type { ServerResponse } from 'node:http';

/** What open pages are told; the page script decides whether it needs a reload. */
export type LiveEvent =
  | { type: 'hello'; bootId: string }
  | { type: 'rebuilt'; everything: boolean; newsletters: { file: string; slug: string }[]; files: string[] }
  | { type: 'mail'; id: string };

export interface LiveReloadHub {
  /** Take over a response as a Server-Sent Events stream. */
  connect(response: ServerResponse): void;
  broadcast(event: LiveEvent): void;
  readonly clients: number;
  /** End every stream (so the HTTP server can close). */
  close(): void;
}

const HEARTBEAT_MS = 15_000;

/** Server-Sent Events to every open preview page. */
export function createLiveReloadHub(bootId: string): LiveReloadHub {
  const clients = new Set<ServerResponse>();
  const write = (response: ServerResponse, event: LiveEvent) => response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  // A comment line now and then keeps proxies and idle timeouts from closing quiet streams.
  const heartbeat = setInterval(() => {
    for (const response of clients) response.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    connect(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      response.write('retry: 500\n\n');
      write(response, { type: 'hello', bootId });
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    broadcast(event) {
      for (const response of clients) write(response, event);
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const response of clients) response.end();
      clients.clear();
    },
  };
}
