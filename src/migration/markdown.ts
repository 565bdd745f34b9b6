/** The migration table as Markdown, for the README and the API documentation. */
import { MIGRATION_RULES } from './rules';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/**
 * One row per rule: PSP field, PSS check, level, first policy version, when the PSP closes it.
 * Followed by the consequences that surprise people.
 */
export function migrationRulesMarkdown(): string {
  const lines = [
    '| PSP field | PSS check | level | since | the PSP closes the gap when |',
    '| --- | --- | --- | --- | --- |',
    ...MIGRATION_RULES.map((r) => `| \`${cell(r.field)}\` | \`${r.check}\` | ${r.level} | ${r.since} | ${cell(r.closedWhen)} |`),
    '',
    'Consequences:',
    '',
    '- From policy version v1.34 no PSP guarantees `baseline`: PSP never looked at probe and lifecycle',
    '  handlers, and `hostProbesAndHostLifecycle` forbids their `host` field. At `latest` every PSP',
    '  therefore guarantees only `privileged`; the gaps still say what else stands between it and baseline.',
    '- No PSP guarantees `restricted` at any version: `MustRunAsNonRoot` accepts a non-zero `runAsUser`',
    '  instead of `runAsNonRoot: true`, and no rule checks a pod-level `runAsUser: 0` or',
    '  `runAsNonRoot: false` that every container overrides, while restricted forbids all three.',
    '- Windows HostProcess pods must use the host network, so `hostNetwork: false` closes',
    '  `windowsHostProcess` although PSP has no hostProcess field.',
    '- Fields added after PSP was removed (`appArmorProfile`, `hostUsers`, `image` volumes) are outside',
    '  what a PSP admitted and are not considered.',
  ];
  return lines.join('\n') + '\n';
}
