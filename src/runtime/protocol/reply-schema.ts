/** The worker's messages as a Zod schema: the envelope of ./protocol.ts around the run result's schema. */
import { z } from 'zod';
import { appExchangeSchema, consoleEntrySchema, probeObservationSchema, runResultSchema } from '../../schemas/run-result-schema';
import type { CheckedMessage } from './reply';
import type { WorkerMessage } from './protocol';

const workerMessageSchema: z.ZodType<WorkerMessage> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), startupMs: z.number() }),
  z.object({ type: z.literal('output'), id: z.string(), entry: consoleEntrySchema }),
  z.object({ type: z.literal('result'), id: z.string(), result: runResultSchema }),
  z.object({ type: z.literal('check-result'), id: z.string(), result: runResultSchema, observations: z.array(probeObservationSchema) }),
  z.object({ type: z.literal('response'), id: z.string(), exchange: appExchangeSchema }),
  z.object({ type: z.literal('error'), id: z.string(), error: z.object({ name: z.string(), message: z.string() }) }),
  z.object({ type: z.literal('retire') }),
]);

export function checkWorkerMessage(raw: unknown): CheckedMessage {
  const parsed = workerMessageSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not a message' };
}
