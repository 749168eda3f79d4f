import type { FastifyBaseLogger } from 'fastify';
import type { RuntimeEventMap, RuntimeEvents } from '../runtime/runtime-events.ts';

type Transition = Exclude<keyof RuntimeEventMap, 'schedulerPass'>;

const MESSAGES: Record<Transition, string> = {
  queued: 'job queued',
  started: 'job started',
  retried: 'job failed and will be retried',
  stopRequested: 'job stop requested',
  ended: 'job ended',
};

/** Logs each job transition with its job id; returns the function that stops logging. */
export function logRuntimeTransitions(events: RuntimeEvents, log: FastifyBaseLogger): () => void {
  const runtimeLog = log.child({ component: 'runtime' });
  const unsubscribe: (() => void)[] = [];
  for (const transition of Object.keys(MESSAGES) as Transition[]) {
    const listener = (details: object) => runtimeLog.info(details, MESSAGES[transition]);
    events.on(transition, listener);
    unsubscribe.push(() => events.off(transition, listener));
  }
  return () => unsubscribe.forEach((off) => off());
}
