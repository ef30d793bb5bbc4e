import { statusLabels, type Ticket } from '../../server/contract/index.ts'
import type { EmergencyKind } from '../nlu/rules.ts'
import { firstSteps } from './first-aid.ts'

// Every sentence the bot says on its own. Receipts stay within about 80 characters: people read them on a phone.

const handler = (t: Ticket) => (t.assignee.name ? `${t.level === 'grid' ? '网格员' : ''}${t.assignee.name}` : (t.assignee.unitName ?? '工作人员'))
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ')

export const replies = {
  emergencyGuidance: (kind: EmergencyKind | null, text: string) => `${firstSteps(kind, text)}已同时通知网格员和网格长赶过去。`,
  emergencyFiled: (t: Ticket) => `已登记紧急工单${t.no}，${handler(t)}、网格长和网格指导员已收到通知。`,
  receipt: (t: Ticket) => `收到，已登记工单${t.no}，由${handler(t)}跟进，有进展会在群里告诉您。`,
  receiptSensitive: (t: Ticket) => `收到，已登记（${t.no}），会有专人私下联系您，请勿在群里多说。`,
  linked: (t: Ticket) => `这件事已有工单${t.no}在办，${handler(t)}跟进，结果会一并告诉您。`,
  supplemented: (no: string) => `已补充到工单${no}。`,
  handOff: (worker: string | null) => `这个问题我先转给${worker ? `网格员${worker}` : '网格员'}，会尽快答复您。`,
  handOffPrivate: (room: string, name: string, text: string, id: number | null) => `【居民咨询${id ? ` Q${id}` : ''}】${room} ${name}：${clip(text, 200)}\n`
    + (id ? `回复“入库 Q${id} 您的回答”，我替您在群里答复，并存入问答库，下次直接答。` : '请在群里直接答复。'),
  answerMissing: (id: number) => `请写上回答，例如：入库 Q${id} 饺子宴每月一次，60岁以上老人都能参加`,
  answerStored: (id: number) => `已在群里答复咨询Q${id}，并存入问答库。`,
  answerRelayed: (question: string, by: string, answer: string) => `您问的“${clip(question, 20)}”，${by}答复：${answer}`,
  noTickets: '没查到您反映过的事项。如有问题直接在群里说就行。',
  statusList: (items: Ticket[]) => `您反映的事项：${items.slice(0, 3).map((t) => `${t.no}“${clip(t.summary, 12)}”${statusLabels[t.status].replace(/（.*）/, '')}`).join('；')}`,
  thanks: '谢谢您的肯定，我们接着努力！',
  suggestionNoted: '谢谢建议，已记下转给网格员。',
  rated: (no: string, satisfied: boolean) => (satisfied ? `谢谢评价！工单${no}已结案。` : `抱歉没办好，工单${no}已发回重办，会尽快再处理。`),
  privateAppealNeedsRoom: '请在您所在的网格群里说一下，我好登记给您的网格员；紧急情况请直接拨打110/119/120。',
  roomBound: (topic: string, code: string) => `已将本群“${topic}”绑定到网格 ${code}。`,
  bindRefused: (message: string) => `绑定失败：${message}`,
  serverBusy: '系统正忙，您的消息已记下，稍后处理。',
}

export const commandHelp = [
  '可用命令：',
  '我的工单 —— 查看待办',
  '受理 W1001',
  '进展 W1001 已联系电工',
  '办结 W1001 已更换灯泡',
  '上报 W1001 需村里协调',
  '退回 W1001 应由网格处理',
  '核验 W1001 通过（或 不通过 原因）',
].join('\n')

export const commandReplies = {
  unknown: '没听懂这个命令。回复“帮助”查看可用命令。',
  missingNo: (verb: string) => `请写上工单号，例如：${verb} W1001`,
  missingText: (verb: string, what: string) => `${verb}需要写明${what}，例如：${verb} W1001 ${what === '结果' ? '已更换灯泡' : '需村里协调'}`,
  verifyWord: '核验请写“通过”或“不通过”，例如：核验 W1001 通过',
  done: (verb: string, t: Ticket) => `已${verb}工单${t.no}（${statusLabels[t.status].replace(/（.*）/, '')}）。`,
  notFound: (no: string) => `没有找到工单${no}，请核对编号。`,
  mine: (items: Ticket[]) => items.length
    ? `您的待办（${items.length}件）：\n${items.slice(0, 10).map((t) => `${t.no} ${clip(t.summary, 16)}｜${statusLabels[t.status].replace(/（.*）/, '')}${t.flags.overdue ? '｜已超期' : `｜${t.status === 'reported' ? '受理' : '办结'}时限 ${hhmm(t.status === 'reported' ? t.deadlines.acceptBy : t.deadlines.resolveBy)}`}`).join('\n')}`
    : '您目前没有待办工单。',
}
