/**
 * Every documented operation, in the order the OpenAPI document lists them. A contract is the
 * endpoint the Worker runs (method, path, query schema; src/http/routes/) plus what documents it.
 * Build-time only: src/http/openapi-document.ts reads this table; the Worker never imports it.
 * test/http/contracts.test.ts checks that the Worker's routes and this table name the same operations.
 */
import { admissionContract } from './admission';
import { admissionReviewContract } from './admission-review';
import { evaluateContract } from './evaluate';
import { benchmarksContract, findingsContract } from './findings';
import { healthContract } from './health';
import { migrationContract } from './migration';
import { examplePoliciesContract } from './policies';
import { pssContract } from './pss';

export const ROUTE_CONTRACTS = [
  healthContract,
  benchmarksContract,
  findingsContract,
  admissionContract,
  examplePoliciesContract,
  pssContract,
  migrationContract,
  evaluateContract,
  admissionReviewContract,
] as const;
