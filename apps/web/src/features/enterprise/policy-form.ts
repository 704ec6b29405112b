import {
  globProblem,
  selectedTags,
  type SignatureAlgorithm,
  type SignPolicy,
  type SignPolicyBody,
} from '@swr-console/swr-api';

/** The signing policy form and what it becomes: SWR's body, and a preview of what it selects. */

export interface RuleForm {
  repository: string;
  decoration: 'matches' | 'excludes';
  tag: string;
  untagged: boolean;
}

export interface PolicyForm {
  name: string;
  description: string;
  enabled: boolean;
  keyId: string;
  trigger: 'manual' | 'event_based';
  rules: RuleForm[];
}

export const emptyRule = (): RuleForm => ({
  repository: '**',
  decoration: 'matches',
  tag: '**',
  untagged: false,
});

export function emptyPolicy(): PolicyForm {
  return {
    name: '',
    description: '',
    enabled: true,
    keyId: '',
    trigger: 'manual',
    rules: [emptyRule()],
  };
}

/** SWR's body for the form, signing with `algorithm` (the chosen key's, `signatureAlgorithmOf`). */
export function toBody(form: PolicyForm, algorithm: SignatureAlgorithm): SignPolicyBody {
  return {
    name: form.name.trim(),
    description: form.description,
    enabled: form.enabled,
    signature_method: 'KMS',
    signature_algorithm: algorithm,
    signature_key: form.keyId,
    trigger: { type: form.trigger },
    scope_rules: form.rules.map((rule) => ({
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: rule.repository }],
      },
      tag_selectors: [
        {
          kind: 'doublestar',
          decoration: rule.decoration,
          pattern: rule.tag,
          ...(rule.untagged ? { extras: '{"untagged":true}' } : {}),
        },
      ],
    })),
  };
}

export function fromPolicy(policy: SignPolicy): PolicyForm {
  return {
    name: policy.name,
    description: policy.description,
    enabled: policy.enabled,
    keyId: policy.signature_key,
    trigger: policy.trigger.type === 'event_based' ? 'event_based' : 'manual',
    rules: policy.scope_rules.map((rule) => {
      const tag = rule.tag_selectors[0];
      return {
        repository: rule.scope_selectors.repository[0]?.pattern ?? '**',
        decoration: tag?.decoration === 'excludes' ? 'excludes' : 'matches',
        tag: tag?.pattern ?? '**',
        untagged: tag?.extras?.includes('"untagged":true') ?? false,
      };
    }),
  };
}

export interface Candidate {
  repository: string;
  digest: string;
  tags: string[];
}

export interface Preview {
  /** Problems of patterns, per rule, field by field; while any exists there is no preview. */
  problems: { rule: number; field: 'repository' | 'tag'; message: string }[];
  selected: (Candidate & { through: string[] })[];
}

/** Which of the namespace's artifacts the rules select now, with the tags that select each. */
export function previewPolicy(rules: RuleForm[], candidates: Candidate[]): Preview {
  const problems: Preview['problems'] = [];
  rules.forEach((rule, index) => {
    const repository = globProblem(rule.repository);
    if (repository) problems.push({ rule: index, field: 'repository', message: repository });
    const tag = globProblem(rule.tag);
    if (tag) problems.push({ rule: index, field: 'tag', message: tag });
  });
  if (problems.length > 0) return { problems, selected: [] };
  const body = toBody({ ...emptyPolicy(), rules }, 'ECDSA_SHA_256').scope_rules;
  const selected = candidates.flatMap((candidate) => {
    const through = selectedTags(body, candidate);
    return through ? [{ ...candidate, through }] : [];
  });
  return { problems, selected };
}
