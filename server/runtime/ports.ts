import { createServer, type Server } from 'node:net';
import type { PortRequest } from './job-spec.ts';

/** Ports handed to one task: label → port numbers. */
export type TaskPorts = Record<string, number[]>;

const SEARCH_SPAN = 2000;

function holdPort(host: string, port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;

/**
 * Finds free TCP ports on `host` for each task's port list. Every port is held open until all are
 * found, so no two labels get the same one. `inUse` holds the ports of live tasks: they are
 * skipped, and each port found joins it at once, so a launch running alongside cannot get it in
 * the moment between this probe closing and the task binding it. On failure the ports found are
 * given back. `beginAt: 0` takes any free port; otherwise the search starts at `beginAt`.
 */
export async function allocatePorts(
  host: string,
  requests: PortRequest[][],
  inUse: Set<number>,
): Promise<TaskPorts[]> {
  const held: Server[] = [];
  const taken: number[] = [];
  const take = async (beginAt: number): Promise<number> => {
    for (let attempt = 0; attempt < SEARCH_SPAN; attempt++) {
      const candidate = beginAt === 0 ? 0 : beginAt + attempt;
      if (candidate > 65535) break;
      if (candidate !== 0 && inUse.has(candidate)) continue;
      const server = await holdPort(host, candidate);
      if (!server) continue;
      held.push(server);
      const port = portOf(server);
      if (inUse.has(port)) continue;
      inUse.add(port);
      taken.push(port);
      return port;
    }
    throw new Error(`no free port found on ${host}${beginAt ? ` from ${beginAt}` : ''}`);
  };
  try {
    const result: TaskPorts[] = [];
    for (const taskRequests of requests) {
      const ports: TaskPorts = {};
      for (const request of taskRequests) {
        ports[request.label] = [];
        for (let i = 0; i < request.portNumber; i++)
          ports[request.label]!.push(await take(request.beginAt));
      }
      result.push(ports);
    }
    return result;
  } catch (error) {
    for (const port of taken) inUse.delete(port);
    throw error;
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** `containerPorts`: label → ports as a string ("22345", or "7000,7001" for several). */
export const containerPorts = (ports: TaskPorts): Record<string, string> =>
  Object.fromEntries(Object.entries(ports).map(([label, numbers]) => [label, numbers.join(',')]));

export const parseContainerPorts = (json: string | null): TaskPorts =>
  Object.fromEntries(
    Object.entries(json ? (JSON.parse(json) as Record<string, string>) : {}).map(
      ([label, text]) => [label, text.split(',').filter(Boolean).map(Number)],
    ),
  );
