import type { ActionName, Status } from '../contract/index.ts'

/**
 * Who may take each action, and from which statuses. worker: the assignee or staff of the ticket's level and
 * area; reporter: the resident who reported it (or one who said the same); verifier: the grid head on site;
 * centre: the county 社会治理中心; router: an operator of the township or county that can send it to a grid.
 */
export type Who = 'worker' | 'reporter' | 'verifier' | 'centre' | 'router'

export const rules: Record<ActionName, { from: readonly Status[]; who: Who }> = {
  accept: { from: ['reported'], who: 'worker' },
  note: { from: ['reported', 'accepted'], who: 'worker' },
  resolve: { from: ['accepted'], who: 'worker' },
  escalate: { from: ['reported', 'accepted'], who: 'worker' },
  dispatch: { from: ['reported', 'accepted'], who: 'centre' },
  return: { from: ['reported', 'accepted'], who: 'worker' },
  verify: { from: ['resolved'], who: 'verifier' },
  rate: { from: ['resolved'], who: 'reporter' },
  reopen: { from: ['resolved', 'closed'], who: 'reporter' },
  reject: { from: ['reported', 'accepted'], who: 'worker' },
  cancel: { from: ['reported', 'accepted'], who: 'reporter' },
  extend: { from: ['reported', 'accepted'], who: 'worker' },
  transfer: { from: ['reported', 'accepted'], who: 'router' },
  supplement: { from: ['reported', 'accepted'], who: 'reporter' },
}
