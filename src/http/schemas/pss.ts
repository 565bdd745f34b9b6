import { z } from '@hono/zod-openapi';
import { PSS_LEVELS, PSS_MAX_VERSION } from '../../pss';
import { ObjectRefSchema, SkippedObjectSchema } from './common';

export const PssLevelSchema = z.enum(PSS_LEVELS as unknown as ['privileged', 'baseline', 'restricted']).openapi('PssLevel');

export const PssVersionSchema = z
  .string()
  .regex(/^(latest|v1\.(0|[1-9][0-9]*))$/, { error: 'must be `latest` or `v1.N` (no leading zeros, no patch version)' })
  .openapi({ description: `Pod Security Standards policy version. \`latest\` and versions newer than ${PSS_MAX_VERSION} evaluate as ${PSS_MAX_VERSION}; messages keep the requested string.`, example: 'latest' });

export const PssQuerySchema = z.object({
  level: PssLevelSchema.default('restricted').openapi({ param: { name: 'level', in: 'query' } }),
  version: PssVersionSchema.default('latest').openapi({ param: { name: 'version', in: 'query' } }),
});

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
