/**
 * A real node:http server on 127.0.0.1, port 0, for the fetch tests: a table of path → handler, and counts
 * of the requests each path got and of the connections accepted at all (to prove a refusal sent nothing).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** Requests received per path (query included). */
  hits: Map<string, number>;
  /** Every request's headers, in order. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  connections: () => number;
  /** The most requests the server was answering at one moment (since the last reset). */
  mostInFlight: () => number;
  /** Forget the counts, between tests. */
  reset: () => void;
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    response.once('close', () => (inFlight -= 1));
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push({ path, headers: request.headers });
    const handler = routes[path.split('?')[0] ?? path];
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    handler(request, response);
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    requests,
    connections: () => connections,
    mostInFlight: () => mostInFlight,
    reset: () => {
      hits.clear();
      requests.length = 0;
      connections = 0;
      mostInFlight = 0;
    },
    close: async () => {
      // Trickling handlers keep sockets open: end them, or close() waits for them.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A handler answering 200 with `body` and the given content type. */
export function page(body: string | Buffer, contentType = 'text/html; charset=utf-8', extra: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...extra }).end(body);
  };
}

/** A handler answering `status` with a Location header. */
export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}
