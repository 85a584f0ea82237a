/**
 * The runtime self-test behind /diagnostics: runs a few programs through the real worker
 * and says whether this browser runs Sequelize on SQLite correctly. The browser tests and
 * the benchmark drive the same page through `window.assoclabRuntime`.
 */
import type { RunResult } from '../schemas/run-result';
import { createRuntimeClient, type RunRequestOptions, type RuntimeClient } from '../runtime/protocol/client';
import { startBrowserWorker } from '../runtime/worker/launch';

export interface SelfTestCase {
  name: string;
  source: string;
  /** Returns a problem description, or undefined when the result is right. */
  verify(result: RunResult): string | undefined;
}

const SEQUELIZE = "import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\n";

export const SELF_TESTS: SelfTestCase[] = [
  {
    name: 'Sequelize creates rows and reads them back',
    source: `${SEQUELIZE}const Tag = sequelize.define('Tag', { name: DataTypes.STRING });\nawait sequelize.sync();\nconst tags = await Tag.bulkCreate([{ name: 'a' }, { name: 'b' }]);\nconsole.log(tags.map((tag) => tag.id).join(','));\n`,
    verify: (result) =>
      result.console[0]?.text === '1,2' ? undefined : `bulkCreate ids: expected 1,2, got ${result.console[0]?.text ?? result.error?.message}`,
  },
  {
    name: 'Foreign keys cascade',
    source: `${SEQUELIZE}const User = sequelize.define('User', {});\nconst Post = sequelize.define('Post', {});\nUser.hasMany(Post, { onDelete: 'CASCADE' });\nawait sequelize.sync();\nconst user = await User.create();\nawait Post.create({ UserId: user.id });\nawait user.destroy();\nconsole.log(await Post.count());\n`,
    verify: (result) => (result.console[0]?.text === '0' ? undefined : `posts left after delete: ${result.console[0]?.text ?? result.error?.message}`),
  },
  {
    name: 'Errors point at the right line',
    source: 'const a = 1;\nnull.boom;\n',
    verify: (result) => (result.error?.location?.line === 2 ? undefined : `error reported at line ${result.error?.location?.line}`),
  },
];

export interface RuntimeHandle {
  client: RuntimeClient;
  run(source: string, options?: RunRequestOptions): Promise<RunResult>;
  selfTest(): Promise<{ name: string; problem?: string }[]>;
}

export function createRuntimeHandle(): RuntimeHandle {
  const client = createRuntimeClient({ createWorker: startBrowserWorker });
  return {
    client,
    run: (source, options) => client.run(source, options),
    async selfTest() {
      const outcomes: { name: string; problem?: string }[] = [];
      for (const test of SELF_TESTS) {
        const problem = test.verify(await client.run(test.source));
        outcomes.push(problem ? { name: test.name, problem } : { name: test.name });
      }
      return outcomes;
    },
  };
}
