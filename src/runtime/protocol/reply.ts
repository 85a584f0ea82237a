/**
 * Validates what a runtime worker sends, for the client (./client.ts). The schema (Zod) is
 * loaded on demand, while the worker starts: the playground's client sits in the page's
 * first script, which must stay small.
 */
import type { WorkerMessage } from './protocol';

export type CheckedMessage = { ok: true; message: WorkerMessage } | { ok: false; problem: string };
export type ReplyValidator = (raw: unknown) => CheckedMessage;

let loading: Promise<ReplyValidator> | undefined;

export function loadReplyValidator(): Promise<ReplyValidator> {
  loading ??= import('./reply-schema').then(({ checkWorkerMessage }) => checkWorkerMessage);
  // A failed download may be retried by the next worker start.
  loading.catch(() => (loading = undefined));
  return loading;
}
