import { categoryLabels, levelLabels, rejectReasonLabels, type RejectReason } from '../contract/index.ts'
import type { TicketRow } from './store.ts'

// Every sentence the server has WeChat say about a ticket. Room messages never carry a sensitive ticket's content.

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ')

export const messages = {
  newTicket: (t: TicketRow, where: string) =>
    `【新工单 ${t.no}】${where} · ${categoryLabels[t.category]}${t.urgent ? ' · 紧急' : ''}\n${t.reporter_name}：${clip(t.text, 120)}` +
    `${t.place ? `\n地点：${t.place}` : ''}\n请于 ${hhmm(t.accept_due_at)} 前受理，回复“受理 ${t.no}”。`,
  copied: (t: TicketRow, where: string, assignee: string) =>
    `【抄送 ${t.no}】${where} · ${categoryLabels[t.category]}：${clip(t.summary, 40)}（由${assignee}办理）`,
  emergency: (t: TicketRow, where: string) =>
    `【紧急 ${t.no}】${where}\n${t.reporter_name}：${clip(t.text, 120)}${t.place ? `\n地点：${t.place}` : ''}` +
    `${t.phone ? `\n电话：${t.phone}` : ''}\n请立即核实处置，并于 ${hhmm(t.accept_due_at)} 前回复“受理 ${t.no}”。`,
  accepted: (t: TicketRow, who: string) =>
    t.sensitive ? `您反映的事项（工单${t.no}）已受理，正在办理。` : `您反映的“${clip(t.summary, 20)}”（工单${t.no}）已由${who}受理，正在办理。`,
  resolved: (t: TicketRow) =>
    (t.sensitive ? `您反映的事项（工单${t.no}）已办结，结果已私信告知。` : `工单${t.no}已办结：${clip(t.result ?? '', 60)}。`) +
    '请回复“满意”“基本满意”或“不满意”（也可回1/2/3）评价。',
  resolvedPrivate: (t: TicketRow) => `您反映的事项（工单${t.no}）已办结：${clip(t.result ?? '', 200)}。请回复“满意”“基本满意”或“不满意”评价。`,
  escalated: (t: TicketRow, from: string, reason: string) =>
    `【上报工单 ${t.no}】${from}上报至${levelLabels[t.level]} · ${categoryLabels[t.category]}\n${clip(t.text, 120)}\n上报原因：${reason}\n请于 ${hhmm(t.accept_due_at)} 前受理。`,
  dispatched: (t: TicketRow, role: '牵头' | '配合') =>
    `【分拨工单 ${t.no}】县社会治理中心分拨，贵单位为${role}单位 · ${categoryLabels[t.category]}\n${clip(t.text, 120)}\n办结时限：${hhmm(t.resolve_due_at)}`,
  returned: (t: TicketRow, reason: string) =>
    `【退回工单 ${t.no}】上级退回至${levelLabels[t.level]}办理：${reason}\n请于 ${hhmm(t.accept_due_at)} 前重新受理。`,
  transferred: (t: TicketRow, where: string) =>
    `【转派工单 ${t.no}】转至${where} · ${categoryLabels[t.category]}\n${clip(t.text, 120)}\n请于 ${hhmm(t.accept_due_at)} 前受理。`,
  verifyFailed: (t: TicketRow, note: string | undefined) => `【核验未通过 ${t.no}】现场核验未通过${note ? `：${note}` : ''}，请继续办理。`,
  needsVerify: (t: TicketRow, where: string) => `【待核验 ${t.no}】${where}的工单已由上级办结：${clip(t.result ?? '', 80)}\n请现场核验后回复“核验 ${t.no} 通过”或“核验 ${t.no} 不通过”。`,
  reopened: (t: TicketRow, reason: string) => `【发回重办 ${t.no}】群众不满意：${clip(reason, 80)}\n请重新办理，办结时限 ${hhmm(t.resolve_due_at)}。`,
  rejected: (t: TicketRow, reason: RejectReason, mainNo: string | null) =>
    reason === 'duplicate' && mainNo ? `您反映的事项与工单${mainNo}相同，已并入一并办理，办理结果会同时告知您。`
      : `工单${t.no}不予受理（${rejectReasonLabels[reason]}）。如有疑问请联系网格员。`,
  cancelled: (t: TicketRow) => `【撤回 ${t.no}】群众已撤回该工单，无需继续办理。`,
  supplemented: (t: TicketRow, who: string, text: string) => `【补充 ${t.no}】${who}：${clip(text, 200)}`,
}
