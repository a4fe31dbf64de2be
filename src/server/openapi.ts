/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (the same schemas the export
 * and the handlers use), so the description cannot drift from what the server does.
 */
import { z } from 'zod';
import { EXPORT_VERSION } from '../report/export-schema.js';
import { ErrorSchema } from './api-schemas.js';

/** One API route as the table describes it; the handler is attached where the app is built. */
export interface RouteDoc {
  method: 'get' | 'post';
  /** Hono path, e.g. `/api/stories/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: Record<string, string>;
  query?: z.ZodObject;
  /** JSON request body. */
  body?: z.ZodType;
  /** multipart/form-data request body with one or more `files`. */
  upload?: boolean;
  /** Needs `Authorization: Bearer $TRIANGULATE_TOKEN`. */
  write?: boolean;
  /** Answers an HTML file to download instead of JSON. */
  html?: boolean;
  /** A text/event-stream of these events instead of one JSON response. */
  events?: z.ZodType;
  response: z.ZodType;
  /** Status of a successful response (default 200). */
  status?: number;
}

/** JSON Schema 2020-12 (the dialect OpenAPI 3.1 uses) of one zod schema, as a request or response would be. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
}

/** Builds the OpenAPI 3.1 document for the given routes. */
export function openApiDocument(routes: readonly RouteDoc[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...Object.entries(route.params ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: schemaOf(schema as z.ZodType, 'input'),
      })),
    ];
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: route.html
        ? { description: 'A self-contained HTML file (Content-Disposition: attachment).', content: { 'text/html': { schema: { type: 'string' } } } }
        : route.events
        ? { description: 'Server-Sent Events; each `data:` line is one JSON event.', content: { 'text/event-stream': { schema: schemaOf(route.events) } } }
        : { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response) } } },
      400: errorResponse('The request was malformed; the message names the parameter.'),
    };
    if (route.params) responses[404] = errorResponse('Nothing stored under that id.');
    if (route.write) {
      responses[401] = errorResponse('Missing or wrong token.');
      responses[403] = errorResponse('Writes are disabled: the server was started without TRIANGULATE_TOKEN.');
      responses[413] = errorResponse('The request body is over the size cap.');
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(parameters.length ? { parameters } : {}),
      responses,
      ...(route.write ? { security: [{ token: [] }] } : {}),
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    if (route.upload) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: 'Text, Markdown, HTML, JSON, JSONL or feed files.' },
                analyze: { type: 'string', enum: ['true', 'false'], description: 'Run the analysis once the files are stored (default true).' },
              },
              required: ['files'],
            },
          },
        },
      };
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Triangulate API',
      version: EXPORT_VERSION,
      description:
        'Read the stored analysis (stories, ledgers, timelines, provenance graphs, articles with every annotation layer) and ' +
        'ingest or re-analyse in the background. Offsets are half-open UTF-16 ranges into the article text. Write routes need ' +
        '`Authorization: Bearer <TRIANGULATE_TOKEN>`.',
    },
    paths,
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The value of TRIANGULATE_TOKEN the server was started with.' } } },
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: schemaOf(ErrorSchema) } } };
}
