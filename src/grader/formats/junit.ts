/**
 * JUnit XML, as CI services read test reports: one <testsuite> per exercise, one
 * <testcase> per check; a failed check is a <failure> with its message; what the program
 * printed is the suite's <system-out>; points are the suite's properties.
 */
import type { LearnerGrade } from '../grading';
import { formatPoints } from '../scoring';
import { testsOf } from './tests-of';

/** Text for XML: escaped, and without the control characters XML 1.0 cannot hold. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitXml(learner: LearnerGrade, seed: number): string {
  const tests = testsOf(learner);
  const suites = learner.exercises.map((exercise, index) => {
    const cases = tests.filter((test) => test.taskId === index + 1);
    const failures = cases.filter((test) => !test.passed).length;
    const time = exercise.report ? seconds(exercise.report.durationMs) : '0.000';
    const caseTime = exercise.report ? seconds(exercise.report.durationMs / Math.max(1, cases.length)) : '0.000';
    const body = cases.map((test) => {
      const open = `    <testcase name="${xmlText(test.name)}" classname="${xmlText(`${learner.name}.${exercise.exerciseId}`)}" time="${caseTime}"`;
      if (test.passed) return `${open}/>`;
      const message = test.message ?? 'failed';
      return `${open}>\n      <failure message="${xmlText(message.split('\n')[0] ?? 'failed')}" type="${exercise.status === 'error' ? 'ProgramStopped' : 'CheckFailed'}">${xmlText(message)}</failure>\n    </testcase>`;
    });
    const output = exercise.report?.output.join('\n') ?? '';
    return [
      `  <testsuite name="${xmlText(`${exercise.title} (${exercise.exerciseId})`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time}">`,
      '    <properties>',
      `      <property name="points" value="${formatPoints(exercise.points)}"/>`,
      `      <property name="max" value="${formatPoints(exercise.max)}"/>`,
      `      <property name="status" value="${exercise.status}"/>`,
      `      <property name="seed" value="${seed}"/>`,
      '    </properties>',
      ...body,
      ...(output ? [`    <system-out>${xmlText(output)}</system-out>`] : []),
      '  </testsuite>',
    ].join('\n');
  });
  const failures = tests.filter((test) => !test.passed).length;
  const time = seconds(learner.exercises.reduce((sum, exercise) => sum + (exercise.report?.durationMs ?? 0), 0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(`assoclab: ${learner.name}, ${formatPoints(learner.total)}/${formatPoints(learner.max)} points`)}" tests="${tests.length}" failures="${failures}" errors="0" time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
