import { Router, type Request } from 'express'
import { metricDefinitions, MetricsExportQuery, MetricsQuery, metricNames, metricsScope, type MetricDefinition } from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import type { Db } from '../db/open.ts'
import type { Areas } from '../registry/areas.ts'
import { areaFor } from './access.ts'
import { createMetrics } from './compute.ts'
import { createTicketFacts } from './facts.ts'
import { csvFileNames, reportCsv } from './csv.ts'

type Deps = { db: Db; areas: Areas; clock: () => Date }

const definitions = {
  scope: metricsScope,
  metrics: metricNames.map((key): MetricDefinition => ({ key, ...metricDefinitions[key] })),
}

export function metricsRoutes({ db, areas, clock }: Deps): Router {
  const r = Router()
  const metrics = createMetrics(areas, createTicketFacts(db), clock)

  const reportFor = (req: Request, q: MetricsQuery) => {
    if (q.from && q.to && q.from > q.to) throw new HttpError(400, 'invalid_range', `开始日期 ${q.from} 晚于结束日期 ${q.to}`, 'from')
    return metrics.report(areaFor(callerOf(req), q.areaId, areas), q)
  }

  r.get('/metrics/definitions', (req, res) => {
    callerOf(req)
    res.json(definitions)
  })

  r.get('/metrics', (req, res) => {
    res.json(reportFor(req, MetricsQuery.parse(req.query)))
  })

  r.get('/metrics/export', (req, res) => {
    const q = MetricsExportQuery.parse(req.query)
    if (q.format !== 'csv') {
      throw new HttpError(400, 'unsupported_format', '暂不支持直接导出 xlsx：请导出 CSV（带 BOM 的 UTF-8），Excel 可直接打开，中文不会乱码', 'format')
    }
    const report = reportFor(req, q)
    const { name, ascii } = csvFileNames(report)
    res.set('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    res.type('text/csv; charset=utf-8').send(reportCsv(report))
  })

  return r
}
