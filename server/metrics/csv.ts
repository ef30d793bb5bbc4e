import {
  areaKindLabels, categoryLabels, metricDefinitions, metricNames, metricsGroupByLabels, metricsPeriodLabels, metricsScope,
  type MetricsReport, type MetricValues,
} from '../contract/index.ts'

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it the Chinese comes out garbled. */
const BOM = '\uFEFF'

function cell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  // A cell starting with = + - @ would be run as a formula by a spreadsheet; numbers are safe as they are.
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function figure(m: MetricValues, name: (typeof metricNames)[number]): string | number | null {
  const v = m[name]
  if (typeof v === 'number' || v === null) return v
  return v.value === null ? null : `${(v.value * 100).toFixed(1)}%`
}

const groupTitle = (r: MetricsReport) =>
  r.groupBy === 'area' ? '区域' : r.groupBy === 'category' ? '类别' : `时段（${metricsPeriodLabels[r.period]}）`

/** The dashboard's table as CSV (RFC 4180, CRLF, UTF-8 with BOM), then what each column means. */
export function reportCsv(r: MetricsReport): string {
  const lines: Array<Array<string | number | null>> = [
    [groupTitle(r), ...metricNames.map((n) => metricDefinitions[n].label)],
    ...r.rows.map((row) => [row.label, ...metricNames.map((n) => figure(row.metrics, n))]),
    ['合计', ...metricNames.map((n) => figure(r.total, n))],
    [],
    ['区域', `${r.area.name}（${areaKindLabels[r.area.kind]}，${r.area.code}）`],
    ['日期', `${r.from} 至 ${r.to}`],
    ['类别', r.category ? categoryLabels[r.category] : '全部'],
    ['分组', metricsGroupByLabels[r.groupBy]],
    ['生成时间', `${new Date(Date.parse(r.generatedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`],
    [metricsScope],
    ...metricNames.map((n) => [metricDefinitions[n].label, metricDefinitions[n].formula, metricDefinitions[n].help]),
  ]
  return BOM + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** A file name that says what is in it, and an ASCII one for clients that cannot read the other. */
export function csvFileNames(r: MetricsReport): { name: string; ascii: string } {
  const what = r.groupBy === 'period' ? metricsPeriodLabels[r.period] : metricsGroupByLabels[r.groupBy]
  return {
    name: `看板指标_${r.area.name}_${r.from}至${r.to}_${what}.csv`,
    ascii: `metrics_${r.area.code}_${r.from}_${r.to}_${r.groupBy}.csv`,
  }
}
