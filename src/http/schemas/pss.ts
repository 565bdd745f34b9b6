/** Response schemas of POST /v1/pss, for the document only (handlers import them as types). */
import { z } from '@hono/zod-openapi';
import { PSS_MAX_VERSION } from '../../pss';
import { ObjectRefSchema, SkippedObjectSchema } from './common';
import { PssLevelSchema } from './openapi-schema';

export const PssForbiddenSchema = z
  .object({
    check: z.string().openapi({ description: 'Pod Security Admission check ID.', example: 'allowPrivilegeEscalation' }),
    reason: z.string().openapi({ example: 'allowPrivilegeEscalation != false' }),
    detail: z.string().openapi({ example: 'container "app" must set securityContext.allowPrivilegeEscalation=false' }),
  })
  .openapi('PssForbidden');

export const PssObjectResultSchema = z
  .object({
    object: ObjectRefSchema,
    allowed: z.boolean(),
    minimumLevel: PssLevelSchema.openapi({ description: 'The most restrictive level that admits the pod at this version.' }),
    forbidden: z.array(PssForbiddenSchema),
    message: z.string().nullable().openapi({ description: "The library's aggregated message, character for character; null when allowed.", example: 'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)' }),
  })
  .openapi('PssObjectResult');

export const PssResponseSchema = z
  .object({
    level: PssLevelSchema,
    version: z.string().openapi({ description: 'As requested.', example: 'latest' }),
    resolvedVersion: z.string().openapi({ description: 'The policy version evaluated.', example: PSS_MAX_VERSION }),
    objects: z.array(PssObjectResultSchema),
    skipped: z.array(SkippedObjectSchema),
  })
  .openapi('PssResponse');
