import { describe, expect, it } from 'vitest';
import { mediaKindOf } from '../../src/ingest';

describe('mediaKindOf', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['Application/JSON', 'json'],
    ['application/merge-patch+json', 'json'],
    ['application/yaml', 'yaml'],
    ['application/x-yaml; charset=UTF-8', 'yaml'],
    ['text/yaml', 'yaml'],
    ['text/x-yaml', 'yaml'],
  ] as const)('issue "Reading manifests": %s → %s', (type, kind) => {
    expect(mediaKindOf(type)).toBe(kind);
  });

  it.each([null, '', 'text/plain', 'application/xml', 'application/+json', 'multipart/form-data'])(
    'issue "Bad input": %s is unsupported (415)',
    (type) => {
      expect(mediaKindOf(type)).toBeNull();
    },
  );
});
