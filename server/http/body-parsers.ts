import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors.ts';
import { bodyShapeProblem } from '../validation/body-shape.ts';
import { parseFormBody } from './form-body.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body exactly as received (a job's config is served back verbatim). */
    rawBody?: string;
  }
}

/** JSON (kept verbatim as well as parsed) and form-urlencoded bodies, as OpenPAI accepted both. */
export async function registerBodyParsers(app: FastifyInstance): Promise<void> {
  // Reserved keys are kept by the parser so that the check below can name the field.
  const parseJson = app.getDefaultJsonParser('ignore', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    parseJson(request, body as string, done);
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parseFormBody(body as string));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  // Every parsed body, JSON or form, before any route reads it.
  app.addHook('preValidation', async (request) => {
    const problem = request.body === undefined ? null : bodyShapeProblem(request.body);
    if (problem) throw badRequest(problem);
  });
}
