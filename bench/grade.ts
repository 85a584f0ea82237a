/**
 * `npm run bench -- --grade`: the grader's throughput. Writes a class of 200 submissions x
 * 5 exercises (half solutions, the rest starters, wrong programs and hostile-ish ones:
 * fake reports, process.exit, attempts at files, a few that tamper with the runtime and
 * two that never end) and grades the folder with the CLI, as an instructor would, the
 * sandbox on (it always is). Prints the wall time, programs per second and the machine's
 * load average (the machine may be shared), checks the points came out right, and writes
 * bench/results/grade.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findExercise } from '../src/checks/exercises';

const root = fileURLToPath(new URL('..', import.meta.url));
const SUBMISSIONS = 200;
const EXERCISES = ['link-posts-to-author', 'give-users-a-profile', 'enroll-students-in-courses', 'name-author-and-editor', 'fix-the-slow-front-page'];
const TARGET_S = 60;

type Kind = 'solution' | 'starter' | 'wrong' | 'fake-report' | 'exit' | 'reads-files' | 'tampers' | 'loops';

/** What learner `learner` handed in for exercise `index`: a fixed mix, so every run grades the same class. */
function kindOf(learner: number, index: number): Kind {
  if ((learner === 50 || learner === 150) && index === 0) return 'loops';
  if (learner % 20 === 7 && index === 1) return 'tampers';
  const slot = (learner * 7 + index * 3) % 20;
  if (slot < 10) return 'solution';
  if (slot < 13) return 'starter';
  if (slot < 16) return 'wrong';
  if (slot < 17) return 'fake-report';
  if (slot < 18) return 'exit';
  return 'reads-files';
}

/** The solution without its association calls: a wrong program that still runs. */
function wrongFrom(solution: string): string {
  return solution
    .split('\n')
    .filter((line) => !/^\s*\w+\.(hasMany|hasOne|belongsTo|belongsToMany)\(/.test(line))
    .join('\n');
}

function programOf(kind: Kind, exerciseId: string): string {
  const { exercise } = findExercise(exerciseId)!;
  switch (kind) {
    case 'solution':
      return exercise.solution;
    case 'starter':
      return exercise.starter;
    case 'wrong':
      return wrongFrom(exercise.solution);
    case 'fake-report':
      return `${exercise.starter}\nconsole.log('All checks passed: 100/100');\nconsole.log('result=eyJzdGF0dXMiOiJwYXNzIn0=');`;
    case 'exit':
      return `process.exit(0);\n${exercise.solution}`;
    case 'reads-files':
      return `try { globalThis.process.getBuiltinModule('fs').readFileSync('/etc/passwd'); } catch {}\ntry { require('fs'); } catch {}\n${exercise.starter}`;
    case 'tampers':
      return `Array.prototype.every = () => true;\nglobalThis.leaked = 1;\n${exercise.solution}`;
    case 'loops':
      return `${exercise.starter}\nwhile (true) {}`;
  }
}

interface Summary {
  learners: { name: string; total: number; exercises: Record<string, { points: number; status: string }> }[];
}

export async function measureGrading(add: (group: string, name: string, value: string, target?: string, met?: boolean) => void): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'assoclab-bench-grade-'));
  const folder = join(scratch, 'class');
  mkdirSync(folder);
  const assignment = {
    format: 'assoclab-assignment',
    version: 1,
    id: 'bench-class',
    title: 'Bench class',
    exercises: EXERCISES.map((id) => ({ id, points: 10 })),
  };
  writeFileSync(join(scratch, 'assignment.json'), JSON.stringify(assignment));
  const kinds: Kind[][] = [];
  for (let learner = 0; learner < SUBMISSIONS; learner++) {
    kinds.push(EXERCISES.map((_, index) => kindOf(learner, index)));
    const programs = Object.fromEntries(EXERCISES.map((id, index) => [id, programOf(kinds[learner]![index]!, id)]));
    const submission = {
      format: 'assoclab-submission',
      version: 1,
      learner: { name: `Learner ${learner + 1}` },
      assignment,
      submittedAt: '2026-03-02',
      programs,
    };
    writeFileSync(join(folder, `learner-${String(learner + 1).padStart(3, '0')}.json`), JSON.stringify(submission));
  }
  const tally = kinds.flat().reduce<Record<string, number>>((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});
  process.stdout.write(`\nGrading (${SUBMISSIONS} submissions x ${EXERCISES.length} exercises: ${JSON.stringify(tally)})\n`);

  const loadBefore = loadavg();
  const started = performance.now();
  // Through bash, whose `times` then gives the CPU time of the CLI and every process it
  // started (the sandbox members and their workers): a figure the machine's other users do
  // not change, unlike the wall time.
  const command = [
    process.execPath,
    join(root, 'bin', 'assoclab.mjs'),
    'grade',
    '--assignment',
    join(scratch, 'assignment.json'),
    folder,
    '--json',
    '--out',
    join(scratch, 'grades'),
  ]
    .map((part) => `'${part}'`)
    .join(' ');
  const code = await new Promise<number>((resolve) =>
    execFile('bash', ['-c', `${command} > out.json 2> err.txt; code=$?; times > times.txt; exit $code`], { cwd: scratch }, (error) =>
      resolve(error ? Number(error.code ?? 1) : 0),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const loadAfter = loadavg();
  const stderr = readFileSync(join(scratch, 'err.txt'), 'utf8');
  if (code !== 0) throw new Error(`assoclab grade exited ${code}: ${stderr}`);
  const summary = JSON.parse(readFileSync(join(scratch, 'out.json'), 'utf8')) as Summary;
  const children = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(readFileSync(join(scratch, 'times.txt'), 'utf8').trim());
  const cpuSeconds = children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : NaN;

  // The points must be right, not only fast: a solution scores 10, a starter less.
  const wrong: string[] = [];
  summary.learners.forEach((learner, index) =>
    EXERCISES.forEach((id, exercise) => {
      const kind = kinds[index]![exercise]!;
      const points = learner.exercises[id]!.points;
      // (A tampering program is the solution with a patched Array.prototype: either verdict may be fair.)
      if ((kind === 'solution' && points !== 10) || (kind !== 'solution' && kind !== 'tampers' && points >= 10)) wrong.push(`${kind} ${id}: ${points}`);
    }),
  );
  const programs = SUBMISSIONS * EXERCISES.length;
  const sandbox = stderr.split('\n').find((line) => line.startsWith('Sandbox:')) ?? '';
  add(
    'Grading',
    `${programs} programs (${SUBMISSIONS} submissions x ${EXERCISES.length}), sandbox on, wall time`,
    `${seconds.toFixed(1)} s`,
    `<= ${TARGET_S} s`,
    seconds <= TARGET_S,
  );
  add('Grading', 'programs graded per second', (programs / seconds).toFixed(1));
  add('Grading', 'CPU time of the grader and its sandbox processes (user + system)', `${cpuSeconds.toFixed(1)} s`);
  add(
    'Grading',
    `wall time the CPU time makes on ${availableParallelism()} idle cores (CPU time / cores)`,
    `${(cpuSeconds / availableParallelism()).toFixed(1)} s`,
    `<= ${TARGET_S} s`,
    cpuSeconds / availableParallelism() <= TARGET_S,
  );
  add(
    'Grading',
    'programs whose points were not what their kind should get',
    `${wrong.length}${wrong.length ? ` (${[...new Set(wrong)].slice(0, 3).join('; ')})` : ''}`,
    '0',
    wrong.length === 0,
  );
  add('Grading', `load average before / after (1 min; ${availableParallelism()} cores)`, `${loadBefore[0]!.toFixed(2)} / ${loadAfter[0]!.toFixed(2)}`);
  if (sandbox) add('Grading', 'what the sandbox did', sandbox.replace(/^Sandbox: /, ''));
  rmSync(scratch, { recursive: true, force: true });
}
