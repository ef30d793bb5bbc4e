import { z } from 'zod'

/** The ten appeal categories of the product design, with the Chinese names people read. */
export const Category = z.enum([
  'safety', 'environment', 'infrastructure', 'livelihood', 'economy',
  'civility', 'party', 'enforcement', 'property', 'other',
])
export type Category = z.infer<typeof Category>
export const categoryLabels: Record<Category, string> = {
  safety: '平安法治',
  environment: '生态环境',
  infrastructure: '基础设施',
  livelihood: '民生保障',
  economy: '产业就业',
  civility: '文明新风',
  party: '党务村务',
  enforcement: '监管执法',
  property: '物业服务',
  other: '其他',
}

export const Intent = z.enum(['appeal', 'emergency', 'inquiry', 'status', 'feedback', 'chatter'])
export type Intent = z.infer<typeof Intent>
export const intentLabels: Record<Intent, string> = {
  appeal: '诉求', emergency: '紧急', inquiry: '咨询', status: '进度', feedback: '表扬/建议', chatter: '闲聊',
}

/** Ticket levels, lowest first: the ladder 微事不出格、小事不出村、大事不出乡. */
export const Level = z.enum(['grid', 'village', 'township', 'county'])
export type Level = z.infer<typeof Level>
export const levelLabels: Record<Level, string> = { grid: '网格', village: '村（社区）', township: '乡镇（街道）', county: '县区' }
export const levelOrder: readonly Level[] = Level.options

export const Status = z.enum(['reported', 'accepted', 'resolved', 'closed', 'rejected', 'cancelled'])
export type Status = z.infer<typeof Status>
export const statusLabels: Record<Status, string> = {
  reported: '待受理', accepted: '办理中', resolved: '已办结（待核验/评价）', closed: '已结案', rejected: '不予受理', cancelled: '已撤回',
}

export const Rating = z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied'])
export type Rating = z.infer<typeof Rating>
export const ratingLabels: Record<Rating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' }

export const RejectReason = z.enum(['duplicate', 'invalid', 'notOurDuty'])
export type RejectReason = z.infer<typeof RejectReason>
export const rejectReasonLabels: Record<RejectReason, string> = { duplicate: '重复诉求', invalid: '无效诉求', notOurDuty: '不属于受理范围' }

/** The township's 十大模块 (seed 000, 5.3.2.1); "other" items go to the 社会治理室 itself. */
export const Module = z.enum([
  'ruralRevitalization', 'safetyBuilding', 'discipline', 'organization', 'enforcement',
  'economy', 'cultureTourism', 'publicService', 'armed', 'urbanRural',
])
export type Module = z.infer<typeof Module>
export const moduleLabels: Record<Module, string> = {
  ruralRevitalization: '乡村振兴', safetyBuilding: '平安建设', discipline: '纪检监察', organization: '组织统战',
  enforcement: '监管执法', economy: '经济发展', cultureTourism: '文旅文创', publicService: '公共服务',
  armed: '武装工作', urbanRural: '城乡建设',
}

/** Roles of the registry, each acting at one level of the ladder. */
export const Role = z.enum([
  'gridHead', 'gridWorker', 'gridWorkerPartTime',
  'villageSecretary', 'villageDiscipline', 'villagePublicity', 'villageSecurity', 'villageEnvironment',
  'villageProperty', 'villageGridAffairs',
  'gridInstructor', 'townshipOperator', 'moduleLead',
  'countyOperator', 'departmentOfficer',
  'admin',
])
export type Role = z.infer<typeof Role>
export const roleLabels: Record<Role, string> = {
  gridHead: '网格长', gridWorker: '专职网格员', gridWorkerPartTime: '兼职网格员',
  villageSecretary: '党支部书记（主任）', villageDiscipline: '纪检（组织）委员', villagePublicity: '宣统委员',
  villageSecurity: '综治主任', villageEnvironment: '环保主任', villageProperty: '物业主任', villageGridAffairs: '网格事务长',
  gridInstructor: '网格指导员', townshipOperator: '乡镇社会治理室', moduleLead: '模块分管领导',
  countyOperator: '县区社会治理中心', departmentOfficer: '县区部门',
  admin: '管理员',
}
/** The level at which a role works tickets; admin works at every level of its area. */
export const roleLevel: Record<Exclude<Role, 'admin'>, Level> = {
  gridHead: 'grid', gridWorker: 'grid', gridWorkerPartTime: 'grid',
  villageSecretary: 'village', villageDiscipline: 'village', villagePublicity: 'village', villageSecurity: 'village',
  villageEnvironment: 'village', villageProperty: 'village', villageGridAffairs: 'village',
  gridInstructor: 'township', townshipOperator: 'township', moduleLead: 'township',
  countyOperator: 'county', departmentOfficer: 'county',
}
export const VillagePost = z.enum([
  'villageSecretary', 'villageDiscipline', 'villagePublicity', 'villageSecurity', 'villageEnvironment',
  'villageProperty', 'villageGridAffairs',
])
export type VillagePost = z.infer<typeof VillagePost>

export const AreaKind = z.enum(['county', 'township', 'village', 'grid'])
export type AreaKind = z.infer<typeof AreaKind>
export const areaKindLabels: Record<AreaKind, string> = { county: '县区', township: '乡镇（街道）', village: '村（社区）', grid: '网格' }
