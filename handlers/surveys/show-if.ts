// Show-if rules in one place: whether a rule in a definition can ever make
// sense (it points at an earlier question whose answers it can test), and
// whether it holds for a given answer. Keeping both together means the loader
// never accepts a rule the dialog would evaluate differently.
import type { AnswerValue, Question, ShowIf } from './types.js';

type Scalar = string | number | boolean;

/** True when the answer passes every condition the rule gives; an unanswered or skipped question passes none. */
export function conditionHolds(rule: ShowIf, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (rule.equals !== undefined && !matches(value, [rule.equals])) return false;
  if (rule.in !== undefined && !matches(value, rule.in)) return false;
  if (rule.gt !== undefined && !(typeof value === 'number' && value > rule.gt)) return false;
  if (rule.lt !== undefined && !(typeof value === 'number' && value < rule.lt)) return false;
  return true;
}

/** A multiple choice matches when any chosen value is listed; anything else when it is listed itself. */
function matches(value: Exclude<AnswerValue, null>, wanted: readonly Scalar[]): boolean {
  return Array.isArray(value) ? value.some((v) => wanted.includes(v)) : wanted.includes(value);
}

/** What kind of answer a question stores, as far as show-if rules care. */
function testable(target: Question): 'option' | 'number' | 'boolean' | null {
  switch (target.type) {
    case 'single':
    case 'multiple':
      return 'option';
    case 'scale':
    case 'number':
      return 'number';
    case 'yesno':
      return 'boolean';
    default:
      return null;
  }
}

function valueProblem(target: Question, value: Scalar): string | null {
  const kind = testable(target);
  if (kind === 'boolean') return typeof value === 'boolean' ? null : `"${target.id}" is a yes/no question, compare it with true or false`;
  if (kind === 'number') {
    if (typeof value !== 'number') return `"${target.id}" stores numbers, ${JSON.stringify(value)} is not one`;
    if (target.type === 'scale' && (value < target.min || value > target.max)) return `${value} is outside the scale ${target.min}..${target.max} of "${target.id}"`;
    return null;
  }
  if (target.type !== 'single' && target.type !== 'multiple') return null;
  if (typeof value !== 'string') return `"${target.id}" stores option values, ${JSON.stringify(value)} is not one`;
  return target.options.some((o) => o.value === value) ? null : `"${target.id}" has no option "${value}"`;
}

function ruleProblems(rule: ShowIf, target: Question): string[] {
  const kind = testable(target);
  if (kind === null) return [`cannot depend on "${target.id}", a ${target.type} question`];
  const values = [...(rule.equals === undefined ? [] : [rule.equals]), ...(rule.in ?? [])];
  const problems = values.map((v) => valueProblem(target, v)).filter((p): p is string => p !== null);
  if ((rule.gt !== undefined || rule.lt !== undefined) && kind !== 'number') problems.push(`gt and lt need a number or scale question, "${target.id}" is ${target.type}`);
  if (rule.gt !== undefined && rule.lt !== undefined && rule.gt >= rule.lt) problems.push(`gt ${rule.gt} and lt ${rule.lt} can never both hold`);
  return problems;
}

/** Problems with the show-if rules of a survey's questions, in question order. */
export function showIfProblems(questions: readonly Question[]): string[] {
  return questions.flatMap((question, index) => {
    const rule = question.showIf;
    if (!rule) return [];
    const at = `questions[${index}] "${question.id}": showIf`;
    const targetIndex = questions.findIndex((q) => q.id === rule.question);
    const target = questions[targetIndex];
    if (!target) return [`${at} refers to "${rule.question}", which is not a question of this survey`];
    if (targetIndex >= index) return [`${at} refers to "${rule.question}", which is not an earlier question`];
    return ruleProblems(rule, target).map((p) => `${at}: ${p}`);
  });
}
