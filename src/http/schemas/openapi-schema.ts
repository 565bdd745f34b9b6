/**
 * The zod classic image of a request schema (request.ts, zod/mini), for the OpenAPI generator.
 * Build time only: the contracts and the document-only schema modules use it; the Worker never
 * imports it.
 *
 * zod-to-openapi reads classic schemas (their `.openapi()` metadata, `.isOptional()`, ...), so each
 * mini schema is built again in zod classic by the same calls it was written with: `z.optional(s)`
 * becomes `s.optional()`, `documented(s, doc)` becomes `s.openapi(doc)`, and so on. The image
 * therefore documents exactly what the Worker validates (the checks are the very same objects), and
 * the document is what the same schemas written in classic produce. One image per schema
 * (memoised), so a schema used in several places stays one component (`$ref`).
 */
import { z } from '@hono/zod-openapi';
import type { $ZodType, input, output } from 'zod/v4/core';
import type { Endpoint } from '../endpoint';
import * as request from './request';

const images = new WeakMap<$ZodType, z.ZodType>();

/** Schemas without inner schemas: their classic class, which takes the mini definition as it is. */
const LEAVES: Partial<Record<string, new (def: never) => z.ZodType>> = { string: z.ZodString, enum: z.ZodEnum, unknown: z.ZodUnknown };

/** The classic image of `schema`; throws for a kind of schema the replay does not know. */
export function openApiSchemaOf<T extends $ZodType>(schema: T): z.ZodType<output<T>, input<T>> {
  let image = images.get(schema);
  if (image === undefined) {
    image = replay(schema);
    images.set(schema, image);
  }
  return image as z.ZodType<output<T>, input<T>>;
}

/** The same, for an object schema (a query's parameters, a request body). */
export function openApiObjectOf(schema: $ZodType): z.ZodObject {
  const image = openApiSchemaOf(schema);
  if (!(image instanceof z.ZodObject)) throw new Error(`openApiObjectOf: kind "${schema._zod.def.type}", not an object`);
  return image;
}

function replay(schema: $ZodType): z.ZodType {
  const documented = request.OPENAPI_DOCS.get(schema);
  if (documented) return withDoc(openApiSchemaOf(documented.of), documented.doc);
  const def = schema._zod.def as $ZodType['_zod']['def'] & Record<string, unknown>;
  const leaf = LEAVES[def.type];
  // A leaf is built from its definition as it is: the same checks (the very objects) and the same
  // custom messages.
  if (leaf !== undefined) return new leaf({ ...def } as never);
  if ((def.checks ?? []).length > 0) throw new Error(`openApiSchemaOf: checks on kind "${def.type}" are not replayed`);
  switch (def.type) {
    case 'array':
      return z.array(openApiSchemaOf(def.element as $ZodType));
    case 'optional':
      return openApiSchemaOf(def.innerType as $ZodType).optional();
    case 'default':
      return openApiSchemaOf(def.innerType as $ZodType).default(def.defaultValue as never);
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, $ZodType>).map(([key, value]) => [key, openApiSchemaOf(value)]));
      const catchall = def.catchall as $ZodType | undefined;
      if (catchall === undefined) return z.object(shape);
      if (catchall._zod.def.type === 'unknown') return z.looseObject(shape);
      throw new Error(`openApiSchemaOf: an object with catchall kind "${catchall._zod.def.type}" is not replayed`);
    }
    default:
      throw new Error(`openApiSchemaOf: no classic replay for kind "${def.type}"`);
  }
}

function withDoc(image: z.ZodType, { refId, ...metadata }: request.OpenApiDoc): z.ZodType {
  return refId === undefined ? image.openapi(metadata) : image.openapi(refId, metadata);
}

/** An endpoint as its contract spreads it: the same method and path, the classic image of its query. */
export type DocumentedEndpoint<E extends Endpoint> = Omit<E, 'request'> & (E['request'] extends object ? { readonly request: { readonly query: z.ZodObject } } : unknown);

export function documentedEndpoint<E extends Endpoint>(endpoint: E): DocumentedEndpoint<E> {
  const { request, ...rest } = endpoint;
  return (request === undefined ? rest : { ...rest, request: { query: openApiObjectOf(request.query) } }) as DocumentedEndpoint<E>;
}

/** Request schemas that documented answers and bodies reuse (common.ts, psp.ts, pss.ts, ...). */
export const KubernetesObjectSchema = openApiSchemaOf(request.KubernetesObjectSchema);
export const PssLevelSchema = openApiSchemaOf(request.PssLevelSchema);
