import { z } from 'zod'
import { AreaKind, Category } from './taxonomy.ts'

/** A calendar day in Beijing time, as the dashboard's date pickers give it. */
const LocalDate = z.string().trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，例如 2026-11-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效的日期')

export const MetricsGroupBy = z.enum(['area', 'category', 'period'])
export type MetricsGroupBy = z.infer<typeof MetricsGroupBy>
export const metricsGroupByLabels: Record<MetricsGroupBy, string> = { area: '按区域', category: '按类别', period: '按时段' }

export const MetricsPeriod = z.enum(['day', 'week', 'month'])
export type MetricsPeriod = z.infer<typeof MetricsPeriod>
export const metricsPeriodLabels: Record<MetricsPeriod, string> = { day: '按日', week: '按周', month: '按月' }

export const MetricsQuery = z.object({
  /** The area to report on (a county, township, village or grid code); by default the caller's own. */
  areaId: z.string().trim().min(1).max(40).optional(),
  /** First and last day of the range (Beijing dates, both included); by default the last 30 days. */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  category: Category.optional(),
  groupBy: MetricsGroupBy.default('area'),
  /** How long a period is when grouping by period. */
  period: MetricsPeriod.default('month'),
})
export type MetricsQuery = z.infer<typeof MetricsQuery>

export const MetricsExportQuery = MetricsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') })
export type MetricsExportQuery = z.infer<typeof MetricsExportQuery>

/** A share: how many of how many; value is null when there is nothing to divide by. */
export const Rate = z.object({ num: z.number(), den: z.number(), value: z.number().nullable() })
export type Rate = z.infer<typeof Rate>

export const MetricValues = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  resolved: z.number().int(),
  onTimeAccept: Rate,
  onTimeResolve: Rate,
  overdue: Rate,
  avgResolveHours: z.number().nullable(),
  satisfaction: Rate,
  resolution: Rate,
  reopen: Rate,
  returned: Rate,
  gridLevel: Rate,
  villageLevel: Rate,
  townshipLevel: Rate,
})
export type MetricValues = z.infer<typeof MetricValues>
export type MetricName = keyof MetricValues
export const metricNames = Object.keys(MetricValues.shape) as MetricName[]

export const MetricsRow = z.object({ key: z.string(), label: z.string(), metrics: MetricValues })
export type MetricsRow = z.infer<typeof MetricsRow>

export const MetricsReport = z.object({
  area: z.object({ code: z.string(), name: z.string(), kind: AreaKind }),
  from: z.string(),
  to: z.string(),
  category: Category.nullable(),
  groupBy: MetricsGroupBy,
  period: MetricsPeriod,
  total: MetricValues,
  rows: z.array(MetricsRow),
  generatedAt: z.string(),
})
export type MetricsReport = z.infer<typeof MetricsReport>

export const MetricDefinition = z.object({ key: z.string(), label: z.string(), kind: z.enum(['count', 'rate', 'hours']), formula: z.string(), help: z.string() })
export type MetricDefinition = z.infer<typeof MetricDefinition>

/** What every figure of the dashboard counts, in one place: the API serves it, the console shows it, the README quotes it. */
export const metricsScope =
  '统计口径：所选区域（含下级）内、所选日期（北京时间，含首尾两天）上报的工单；除“上报工单数”外，只计有效工单（不含不予受理、已撤回的工单）。时限按工单当时所在层级的受理、办结时限计算；按时受理率、按期办结率只计已经受理、办结的和已过时限的，尚未到期的在办工单不计入。'

export const metricDefinitions: Record<MetricName, Omit<MetricDefinition, 'key'>> = {
  total: { label: '上报工单数', kind: 'count', formula: '期间上报的全部工单', help: '含不予受理、已撤回的工单；群里自动合并到已有工单的重复反映不另计。' },
  valid: { label: '有效工单数', kind: 'count', formula: '上报工单数 − 不予受理 − 已撤回', help: '以下各项比率的统计对象。' },
  resolved: { label: '已办结数', kind: 'count', formula: '当前状态为“已办结”或“已结案”的工单', help: '被发回重办、尚在重新办理的工单不算已办结。' },
  onTimeAccept: {
    label: '按时受理率', kind: 'rate', formula: '按时受理次数 ÷ (受理次数 + 已过受理时限仍待受理的工单数)',
    help: '每次受理（含上报到上级后上级的受理）各算一次，在当时层级的受理时限内完成为按时；已过受理时限仍未受理的工单记为一次未按时。',
  },
  onTimeResolve: {
    label: '按期办结率', kind: 'rate', formula: '按期办结数 ÷ (已办结数 + 已过办结时限仍未办结的工单数)',
    help: '已办结的工单中，从未超过办结时限（含经批准的延期；上报后按上级的新时限）的为按期办结；已过办结时限仍在办理的工单计入分母。',
  },
  overdue: {
    label: '超期率', kind: 'rate', formula: '超期工单数 ÷ 有效工单数',
    help: '超期工单：曾经超过受理时限或办结时限的工单，包括现在已超期仍未办完的。',
  },
  avgResolveHours: {
    label: '平均办结时长（小时）', kind: 'hours', formula: '已办结工单“从上报到最后一次办结”的小时数之和 ÷ 已办结数',
    help: '按自然时间计算（含夜间和节假日）；发回重办的工单算到重新办结时。',
  },
  satisfaction: {
    label: '满意率', kind: 'rate', formula: '(满意 + 基本满意) 评价次数 ÷ 评价次数',
    help: '群众每次评价各算一次：不满意发回重办后再次评价的，两次评价都计入；未评价的不计入。',
  },
  resolution: { label: '解决率', kind: 'rate', formula: '已办结数 ÷ 有效工单数', help: '仍在受理、办理或发回重办中的工单计入分母，不计入分子。' },
  reopen: {
    label: '发回重办率', kind: 'rate', formula: '被发回重办过的工单数 ÷ 办结过的工单数',
    help: '群众评价“不满意”或要求重办，都算发回重办；一张工单无论发回几次只算一次。',
  },
  returned: {
    label: '退回率（评哨）', kind: 'rate', formula: '被上级退回的次数 ÷ 向上级上报（吹哨）的次数',
    help: '上级认为不该上报、退回下级办理的，记在上报的一方（评哨）。',
  },
  gridLevel: {
    label: '微事不出格率', kind: 'rate', formula: '在网格层级办结的工单数 ÷ 已办结数',
    help: '“微事不出格”：网格员在网格内就办结的比例（以最后一次办结时所在层级为准）。',
  },
  villageLevel: {
    label: '小事不出村率', kind: 'rate', formula: '在网格或村（社区）层级办结的工单数 ÷ 已办结数',
    help: '“小事不出村”：在村（社区）及以下办结的比例，含网格办结的。',
  },
  townshipLevel: {
    label: '大事不出乡率', kind: 'rate', formula: '在乡镇（街道）及以下层级办结的工单数 ÷ 已办结数',
    help: '“大事不出乡”：不需吹哨到县区部门就办结的比例。',
  },
}
