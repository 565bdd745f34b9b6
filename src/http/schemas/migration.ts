/** Response schemas of POST /v1/migration, for the document only (handlers import them as types). */
import { z } from '@hono/zod-openapi';
import { ObjectRefSchema, SkippedObjectSchema } from './common';
import { JsonPatchOpSchema } from './psp';
import { PssLevelSchema } from './openapi-schema';

export const MigrationGapSchema = z
  .object({
    field: z.string().openapi({ description: 'The PSP field responsible (or `(no PSP field)`).', example: 'seLinux' }),
    check: z.string().openapi({ description: 'The Pod Security Standards check it fails.', example: 'seLinuxOptions' }),
    level: z.enum(['baseline', 'restricted']).openapi({ description: 'The lowest level the gap keeps the policy from guaranteeing.' }),
    message: z.string().openapi({ example: 'seLinux: RunAsAny lets pods set seLinuxOptions.user and role, which baseline forbids' }),
  })
  .openapi('MigrationGap');

export const MigrationMutationSchema = z
  .object({
    field: z.string().openapi({ description: 'The pod field the PSP filled in, which workloads must now set themselves.', example: 'spec.containers[*].securityContext.allowPrivilegeEscalation' }),
    default: z.unknown().openapi({ description: 'The value the PSP wrote.', example: false }),
    message: z.string(),
  })
  .openapi('MigrationMutation');

export const PolicyMigrationSchema = z
  .object({
    object: ObjectRefSchema,
    policy: z.string().openapi({ example: 'restricted' }),
    guaranteedLevel: PssLevelSchema.openapi({ description: 'The most restrictive level that admits every pod this PSP admits (after its own mutation).' }),
    closestLevel: PssLevelSchema.openapi({ description: 'The most restrictive level at which the PSP closes at least half of the rules of that level and of every lower one.' }),
    gaps: z.array(MigrationGapSchema),
    mutations: z.array(MigrationMutationSchema),
  })
  .openapi('PolicyMigration');

export const WorkloadMigrationSchema = z
  .object({
    object: ObjectRefSchema,
    admittedBy: z.string().nullable().openapi({ description: 'The PSP that admits the workload today (CREATE, every policy usable), or null.' }),
    admissionReason: z.string().nullable().openapi({ description: 'The PSP rejection when none admits it.' }),
    mutations: z.array(JsonPatchOpSchema).openapi({ description: 'What the admitting PSP changes (without its annotation): fields the workload must set itself once PSP is gone.' }),
    minimumLevel: PssLevelSchema.openapi({ description: 'The most restrictive PSS level that admits the workload as submitted.' }),
    nextLevelViolation: z.string().nullable().openapi({ description: 'Why the next stricter level rejects it.' }),
  })
  .openapi('WorkloadMigration');

export const NamespaceRecommendationSchema = z
  .object({
    namespace: z.string(),
    labels: z.record(z.string(), z.string()).openapi({ example: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.37' } }),
    workloads: z.int().min(0),
    minimumLevel: PssLevelSchema,
  })
  .openapi('NamespaceRecommendation');

export const MigrationResponseSchema = z
  .object({
    version: z.string().openapi({ example: 'latest' }),
    resolvedVersion: z.string().openapi({ example: 'v1.37' }),
    policies: z.array(PolicyMigrationSchema),
    workloads: z.array(WorkloadMigrationSchema).optional().openapi({ description: 'Present when the body holds pod-bearing objects.' }),
    namespaces: z.array(NamespaceRecommendationSchema).optional().openapi({ description: 'The enforce labels that keep every supplied workload of each namespace admitted.' }),
    skipped: z.array(SkippedObjectSchema),
  })
  .openapi('MigrationResponse');
