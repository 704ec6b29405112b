import {
  ApiError,
  EnterpriseErrorCode,
  globProblem,
  parseAuthHeader,
  POLICY_NAME_PATTERN,
  webhookAddressProblem,
} from '@swr-console/swr-api';
import { MASKED_HEADER_VALUE } from '@swr-console/contracts/bff';
import type { Locale, Translate } from '../../shared/i18n';
import {
  DESCRIPTION_MAX,
  maskedHeaders,
  NAME_MAX,
  type TargetForm,
  type WebhookForm,
} from './webhook-body';
import { problemText } from './webhook-problems';

/** What is wrong with the webhook dialog's form, by field, in the page's language. */

/** What is wrong with a target's address, in the page's language; undefined when nothing is. */
export function addressProblem(
  t: Translate,
  locale: Locale,
  targets: readonly TargetForm[],
  index: number,
): string | undefined {
  const target = targets[index]!;
  const address = target.address.trim();
  const problem = webhookAddressProblem(address, target.addressType);
  if (problem) return problemText(locale, problem);
  if (targets.findIndex((other) => other.address.trim() === address) < index)
    return t('wh.form.addressTwice');
  return undefined;
}

/** What is wrong with a target's headers; `*****` is allowed only where SWR holds a value. */
export function headerProblem(
  t: Translate,
  locale: Locale,
  target: TargetForm,
): string | undefined {
  const text = target.authHeader.trim();
  if (text === '') return undefined;
  const parsed = parseAuthHeader(text);
  if ('problem' in parsed) return problemText(locale, parsed.problem);
  const unknown = maskedHeaders(text).filter((name) => !target.kept.includes(name.toLowerCase()));
  return unknown.length > 0
    ? t('wh.form.maskedUnknown', { names: unknown.join(', '), masked: MASKED_HEADER_VALUE })
    : undefined;
}

/**
 * Whether target `index` may be removed. SWR matches an update's target i with stored target i,
 * so a saved target goes only from the end (anything after it would take its place); new ones,
 * which come after the saved ones, go any time.
 */
export function removable(targets: readonly TargetForm[], index: number): boolean {
  if (targets.length === 1) return false;
  return !targets[index]!.stored || index === targets.length - 1;
}

export type FormProblems = Record<string, string>;

/**
 * Every problem of the form, by field id (`name`, `target-0-address`, `rule-1-tag`…), in the page's
 * language. Empty when the form can be saved.
 */
export function formProblems(
  t: Translate,
  locale: Locale,
  form: WebhookForm,
  taken: ReadonlySet<string>,
): FormProblems {
  const problems: FormProblems = {};
  const name = form.name.trim();
  if (name === '') problems.name = t('wh.form.nameMissing');
  else if ([...name].length > NAME_MAX) problems.name = t('wh.form.nameLong', { max: NAME_MAX });
  else if (!POLICY_NAME_PATTERN.test(name)) problems.name = t('wh.form.nameRules');
  else if (taken.has(name)) problems.name = t('wh.form.nameTaken', { name });
  if ([...form.description].length > DESCRIPTION_MAX)
    problems.description = t('wh.form.descriptionLong', { max: DESCRIPTION_MAX });
  form.targets.forEach((target, i) => {
    const address = addressProblem(t, locale, form.targets, i);
    if (address) problems[`target-${i}-address`] = address;
    const header = headerProblem(t, locale, target);
    if (header) problems[`target-${i}-header`] = header;
  });
  form.rules.forEach((rule, i) => {
    for (const field of ['repository', 'tag'] as const) {
      const problem = rule[field] === '' ? t('wh.form.patternMissing') : globProblem(rule[field]);
      if (problem) problems[`rule-${i}-${field}`] = problem;
    }
  });
  return problems;
}

/** SWR's `Invalid body.targets.1.address: …`, said at the field it names. */
const AT_FIELD =
  /Invalid body\.(?:targets\.(\d+)\.(address|auth_header)|(name|description)): ([^]*)/;

/**
 * Where a refusal of the save belongs: the field it names (a taken name, a target's address or
 * headers), or undefined when it is about nothing the form can show at a field.
 */
export function refusalAtField(
  t: Translate,
  locale: Locale,
  error: unknown,
  name: string,
): { field: string; message: string } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === EnterpriseErrorCode.exists)
    return { field: 'name', message: t('wh.form.nameTaken', { name }) };
  const match = AT_FIELD.exec(error.message);
  if (!match) return undefined;
  const [, index, targetField, formField, message = ''] = match;
  if (formField) return { field: formField, message };
  return {
    field: `target-${index}-${targetField === 'address' ? 'address' : 'header'}`,
    message: problemText(locale, message),
  };
}
