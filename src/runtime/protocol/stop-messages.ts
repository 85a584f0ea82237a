/**
 * What a host says when it had to end a program's worker itself, for every host that
 * watches workers (the runtime client, and the grader's sandbox members).
 */
import { STILL_RUNNING } from '../core/run-guard';
import { RESTARTED } from '../../schemas/memory-budget';

/** The watchdog terminated a worker that did not answer within the program's budget. */
export const STUCK = `${STILL_RUNNING.replace(/\.$/, '')}. ${RESTARTED}`;
/** The worker ended by itself at its heap limit (the memory error's reason). */
export const OUT_OF_MEMORY = `its arrays and objects grew past that (a list that grows in a loop that never ends?). ${RESTARTED}`;
