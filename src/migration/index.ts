/**
 * PodSecurityPolicy → Pod Security Standards migration engine: what each PSP guarantees at a
 * policy version, the gaps that keep it from a level, the defaults workloads lose, and (with
 * workloads) today's admitting PSP and the namespace labels to enforce. Pure TypeScript, no I/O.
 * The rules are one table (MIGRATION_RULES); see README.md.
 */
export type {
  MigrationGap,
  MigrationMutation,
  PolicyMigration,
  WorkloadMigration,
  NamespaceRecommendation,
  MigrationRule,
  MigrationWorkloadInput,
  PolicyView,
} from './types';
export { MIGRATION_RULES } from './rules';
export { migratePolicy } from './migrate-policy';
export { migrateWorkloads, enforceVersionFor, ENFORCE_LABEL, ENFORCE_VERSION_LABEL, DEFAULT_NAMESPACE } from './migrate-workloads';
export { migrationRulesMarkdown } from './markdown';
export { syncSeccompAnnotationsToFields } from './api-server-sync';
