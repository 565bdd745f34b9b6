#!/usr/bin/env node
// Fills (`write`) or checks (`check`) the generated sections of README.md from the data tables
// they document, so the README cannot drift from the code:
//   <!-- generated:decisions -->  the CIS decision points (src/cis DECISIONS)
//   <!-- generated:migration -->  PSP field → PSS check rules (src/migration MIGRATION_RULES)
//   <!-- generated:limits -->     limits and their variables (src/http/config LIMIT_VARIABLES)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const readme = join(root, 'README.md');
const mode = process.argv[2] ?? 'check';
const dir = mkdtempSync(join(tmpdir(), 'podsec-readme-'));
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { DECISIONS, decisionSpecSection } from ${JSON.stringify(join(root, 'src/cis'))};
     export { migrationRulesMarkdown } from ${JSON.stringify(join(root, 'src/migration'))};
     export { limitsMarkdownTable } from ${JSON.stringify(join(root, 'src/http/config'))};`,
  );
  const outfile = join(dir, 'tables.mjs');
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  const t = await import(pathToFileURL(outfile).href);
  const sections = {
    decisions: ['| code | spec | decision |', '| --- | --- | --- |', ...t.DECISIONS.map((d) => `| \`${d.code}\` | ${t.decisionSpecSection(d.code)} | ${d.message.replaceAll('|', '\\|')} |`)].join('\n'),
    migration: t.migrationRulesMarkdown().trim(),
    limits: t.limitsMarkdownTable().trim(),
  };
  const current = readFileSync(readme, 'utf8');
  let next = current;
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(next)) throw new Error(`README.md has no <!-- generated:${name} --> section`);
    next = next.replace(re, (_m, open, close) => `${open}\n${body}\n${close}`);
  }
  if (mode === 'write') {
    writeFileSync(readme, next);
    console.log('README.md generated sections written.');
  } else if (next !== current) {
    console.error('README.md is out of date with the data tables: run `npm run readme`.');
    process.exit(1);
  } else {
    console.log('README.md generated sections are up to date.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
