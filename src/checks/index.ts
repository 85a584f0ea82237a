/** The check engine's public face: grading, the verdicts, the probes and the exercise registry. */
export { gradeProgram, probesOf, randomSeed, type GradeOptions, type GradeReport } from './grade';
export { judge, programStatements, statementShape, normaliseValue } from './verdicts';
export type { CheckResult, CheckRunRequest, CheckRunResponse, ProgramRunner, VerdictContext } from './types';
export { exercises, findExercise, type RegisteredExercise } from './exercises';
