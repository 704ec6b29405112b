import { compileGlob, type Glob } from './glob.js';

/**
 * Which tags an Enterprise namespace's immutability rules protect. The sandbox refuses pushes and
 * deletions by it and the console previews and warns with it, so both agree on what a rule means.
 * Free of any schema library.
 *
 * A rule selects a tag when its repository selector selects the repository (the name inside the
 * namespace, e.g. `team/app`) and its tag selector selects the tag; `repoExcludes` and `excludes`
 * turn a selector round. Disabled rules protect nothing. A tag is immutable when any rule selects
 * it.
 */
export interface ImmutableSelector {
  kind: string;
  decoration: string;
  pattern: string;
}

export interface ImmutableRuleShape {
  id?: number | undefined;
  disabled?: boolean | undefined;
  scope_selectors: { repository?: ImmutableSelector[] | undefined };
  tag_selectors: ImmutableSelector[];
}

interface CompiledRule {
  id: number | undefined;
  repository: { glob: Glob; excludes: boolean };
  tag: { glob: Glob; excludes: boolean };
}

/** A matcher over a namespace's rules; malformed patterns (refused when saved) select nothing. */
export class ImmutabilityMatcher {
  private readonly rules: CompiledRule[];

  constructor(rules: readonly ImmutableRuleShape[]) {
    this.rules = rules.flatMap((rule) => {
      const repository = rule.scope_selectors.repository?.[0];
      const tag = rule.tag_selectors[0];
      if (rule.disabled || !repository || !tag) return [];
      try {
        return [
          {
            id: rule.id,
            repository: {
              glob: compileGlob(repository.pattern),
              excludes: repository.decoration === 'repoExcludes',
            },
            tag: { glob: compileGlob(tag.pattern), excludes: tag.decoration === 'excludes' },
          },
        ];
      } catch {
        return [];
      }
    });
  }

  /** The ids of the rules that make this tag immutable (empty: it may change). */
  rulesProtecting(repository: string, tag: string): (number | undefined)[] {
    return this.rules
      .filter(
        (rule) =>
          rule.repository.glob.test(repository) !== rule.repository.excludes &&
          rule.tag.glob.test(tag) !== rule.tag.excludes,
      )
      .map((rule) => rule.id);
  }

  isImmutable(repository: string, tag: string): boolean {
    return this.rulesProtecting(repository, tag).length > 0;
  }

  /** The tags of a list that are immutable, in the list's order. */
  immutableTags(repository: string, tags: readonly string[]): string[] {
    return tags.filter((tag) => this.isImmutable(repository, tag));
  }
}
