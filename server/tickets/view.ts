import { moduleLabels, type Module, type Ticket } from '../contract/index.ts'
import type { People } from '../registry/people.ts'
import type { Settings } from '../registry/settings.ts'
import { CENTRE, TOWNSHIP_OFFICE } from './assign.ts'
import type { TicketRow } from './store.ts'

/** Turns a stored row into the contract's Ticket; `now` decides the overdue flag. */
export function createView(people: People, settings: Settings) {
  const unitName = (unit: string | null): string | null => {
    if (!unit) return null
    if (unit === CENTRE) return '县社会治理中心'
    if (unit === TOWNSHIP_OFFICE) return '乡镇社会治理室'
    if (unit in moduleLabels) return `${moduleLabels[unit as Module]}模块`
    return settings.department(unit)?.name ?? unit
  }
  return (r: TicketRow, now: Date): Ticket => {
    const nowIso = now.toISOString()
    const open = r.status === 'reported' || r.status === 'accepted'
    const overdue = open && ((r.status === 'reported' && r.accept_due_at < nowIso) || r.resolve_due_at < nowIso)
    return {
      id: r.id, no: r.no, status: r.status, level: r.level, intent: r.intent, category: r.category, summary: r.summary, text: r.text,
      place: r.place, phone: r.phone, people: JSON.parse(r.people) as string[], sensitive: r.sensitive === 1,
      standard: r.standard === null ? null : r.standard === 1, source: r.source, externalId: r.external_id,
      gridCode: r.grid_code, villageCode: r.village_code, townshipCode: r.township_code, countyCode: r.county_code, roomId: r.room_id,
      reporter: { contactId: r.reporter_contact_id, name: r.reporter_name, personId: r.reporter_person_id },
      assignee: {
        personId: r.assignee_person_id, name: r.assignee_person_id ? (people.get(r.assignee_person_id)?.name ?? null) : null,
        unit: r.assignee_unit, unitName: unitName(r.assignee_unit),
      },
      leadDepartment: r.lead_department, cooperatingDepartments: JSON.parse(r.cooperating_departments) as string[],
      deadlines: { acceptBy: r.accept_due_at, resolveBy: r.resolve_due_at, progressBy: r.progress_due_at },
      flags: {
        urgent: r.urgent === 1, overdue, extended: r.extended === 1, lateAccept: r.late_accept === 1, lateResolve: r.late_resolve === 1,
        needsVerification: r.needs_verification === 1, verified: r.verified === null ? null : r.verified === 1,
        reopenCount: r.reopen_count, returnCount: r.return_count,
      },
      result: r.result, rating: r.rating, rejectReason: r.reject_reason, mainTicketId: r.main_ticket_id,
      createdAt: r.created_at, updatedAt: r.updated_at, acceptedAt: r.accepted_at, resolvedAt: r.resolved_at, closedAt: r.closed_at,
      version: r.version,
    }
  }
}
