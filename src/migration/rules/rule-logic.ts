import type { MigrationRule } from '../types';

/** What a rule file provides; the table in ../rules.ts adds the ID, field, check, level and version. */
export type RuleLogic = Pick<MigrationRule, 'closedWhen' | 'closes' | 'gap'>;
