import {
  lengthProblem,
  NAME_RULES,
  nameProblem,
  textLength,
  type NameKind,
  type NameProblem,
} from '@swr-console/swr-api';
import type { InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Translate } from './i18n';

/** What is wrong with a name, in the user's words, about the value typed. */
export function describeNameProblem(kind: NameKind, problem: NameProblem, t: Translate): string {
  switch (problem.kind) {
    case 'empty':
      return t('name.empty');
    case 'tooLong':
      return t('name.tooLong', { length: problem.length, max: problem.max });
    case 'uppercase':
      return t('name.uppercase');
    case 'character':
      return t(kind === 'repository' ? 'name.character.repository' : 'name.character', {
        character: problem.character,
      });
    case 'start':
      return t(kind === 'namespace' ? 'name.start.letter' : 'name.start');
    case 'end':
      return t('name.end');
    case 'separators':
      return t(kind === 'enterprise' ? 'name.separators.single' : 'name.separators', {
        separators: problem.separators,
      });
    case 'emptyPart':
      return t('name.emptyPart');
    case 'pattern':
      return t('name.pattern');
  }
}

/** A form rule from a check that finds the problem of a value and the words that say it. */
function ruleOf<Problem>(
  problemOf: (value: string) => Problem | undefined,
  describe: (problem: Problem) => string,
): Rule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = problemOf(value ?? '');
      return problem === undefined
        ? Promise.resolve()
        : Promise.reject(new Error(describe(problem)));
    },
  };
}

/** A form rule that refuses a name SWR would refuse, saying what is wrong with it. */
export function nameRule(kind: NameKind, t: Translate): Rule {
  return ruleOf(
    (value) => nameProblem(kind, value),
    (problem) => describeNameProblem(kind, problem, t),
  );
}

/** A form rule for any text with a length limit: too long is an error that says by how much. */
export function lengthRule(max: number, t: Translate): Rule {
  return ruleOf(
    (value) => lengthProblem(value, max),
    ({ length }) => t('name.tooLong', { length, max }),
  );
}

/**
 * A length limit as antd's counter: shown from 80% of the limit on, and never cutting what is
 * typed or pasted (too long is an error at the field, not silently shortened).
 */
export function lengthCount(max: number): InputProps['count'] {
  return {
    max,
    strategy: textLength,
    show: ({ count }) => (count >= max * 0.8 ? `${count} / ${max}` : null),
  };
}

/** The length limit of a name as antd's counter. */
export function nameCount(kind: NameKind): InputProps['count'] {
  return lengthCount(NAME_RULES[kind].max);
}
