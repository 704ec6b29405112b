import { fieldsOf, parseJson } from '../wire/json.js';
import { compileGlob } from './glob.js';

/**
 * Which artifacts a signing policy selects. The sandbox signs by it and the console previews with
 * it, so both agree on what a rule means. Free of any schema library.
 */
export interface ScopeSelector {
  kind: 'doublestar';
  decoration: string;
  pattern: string;
  extras?: string | undefined;
}

export interface SignScopeRule {
  repo_scope_mode: 'regular' | 'selection';
  scope_selectors: { repository: ScopeSelector[] };
  tag_selectors: ScopeSelector[];
}

export interface ScopeCandidate {
  /** Repository name inside its namespace (what repository patterns match), e.g. `team/app`. */
  repository: string;
  tags: string[];
}

/** `{"untagged":true}` in a tag selector's extras also selects artifacts without any tag. */
export function selectsUntagged(selector: Pick<ScopeSelector, 'extras'>): boolean {
  if (!selector.extras) return false;
  return fieldsOf(parseJson(selector.extras))?.untagged === true;
}

/** The problem with an extras string (reserved JSON), or undefined. */
export function extrasProblem(extras: string | undefined): string | undefined {
  if (extras === undefined || extras === '') return undefined;
  return fieldsOf(parseJson(extras))
    ? undefined
    : 'extras must be a JSON object, e.g. {"untagged":true}.';
}

/**
 * The tags through which the rules select an artifact: for `matches` the tags matching the
 * pattern, for `excludes` those that do not. An empty list means the artifact is selected as an
 * untagged one; undefined means no rule selects it.
 */
export function selectedTags(
  rules: readonly SignScopeRule[],
  candidate: ScopeCandidate,
): string[] | undefined {
  let selected: Set<string> | undefined;
  for (const rule of rules) {
    const repository = rule.scope_selectors.repository[0];
    const tagSelector = rule.tag_selectors[0];
    if (!repository || !tagSelector) continue;
    if (!compileGlob(repository.pattern).test(candidate.repository)) continue;
    if (candidate.tags.length === 0) {
      if (selectsUntagged(tagSelector)) selected ??= new Set();
      continue;
    }
    const glob = compileGlob(tagSelector.pattern);
    const excludes = tagSelector.decoration === 'excludes';
    const tags = candidate.tags.filter((tag) => glob.test(tag) !== excludes);
    if (tags.length > 0) {
      selected ??= new Set();
      for (const tag of tags) selected.add(tag);
    }
  }
  return selected && [...selected].sort();
}
