import { z } from 'zod'

/** Where a policy applies: the bot answers a resident only from documents that hold for their place. */
export const Region = z.enum(['xinyang', 'henan', 'haimen'])
export type Region = z.infer<typeof Region>

export const regionLabels: Record<Region, string> = {
  xinyang: '信阳市',
  henan: '河南省',
  haimen: '海门区',
}

/**
 * One clause or Q&A item of a policy document: the unit the bot retrieves and cites.
 * `id` is stable and readable (`xy-std-5.4.2.3`, `py-qa-village-14`, `hm-op-3.2`); `clause` is the
 * document's own numbering (`5.4.2.3`, `农村篇第14问`, `三（二）`) or null where it has none.
 */
export const Passage = z.object({
  id: z.string().regex(/^[a-z]+(?:-[a-z0-9.]+)+$/, 'id 只能由小写字母、数字、点和连字符组成'),
  doc: z.string().min(1),
  docTitle: z.string().regex(/^《.+》$/, 'docTitle 须带书名号'),
  region: Region,
  clause: z.string().min(1).nullable(),
  title: z.string().min(1),
  text: z.string().min(1),
})
export type Passage = z.infer<typeof Passage>

/** What holds in a deployment's region: Xinyang lies in Henan, so Henan's rules hold there as well. */
export const regionsInForce: Record<Region, readonly Region[]> = {
  xinyang: ['xinyang', 'henan'],
  henan: ['henan'],
  haimen: ['haimen'],
}

export interface DocumentMeta {
  /** Seed file name, e.g. `000_1f6d70ca075e704b.txt`. */
  file: string
  /** Chinese title used in citations, with 书名号. */
  docTitle: string
  region: Region
  /** Prefix of the passage ids of this document. */
  idPrefix: string
}

/** The five seed documents, in build order. */
export const documents: readonly DocumentMeta[] = [
  { file: '000_1f6d70ca075e704b.txt', docTitle: '《党建引领基层治理工作规范》', region: 'xinyang', idPrefix: 'xy-std' },
  { file: '001_385e082e059d5930.txt', docTitle: '《党建引领探索基层治理现代化新路径》', region: 'xinyang', idPrefix: 'xy-survey' },
  { file: '002_5736ca0273a54254.txt', docTitle: '《积极探索基层治理现代化的路径》', region: 'xinyang', idPrefix: 'xy-talk' },
  { file: '003_39fdda7a4767f98b.txt', docTitle: '《濮阳市“五星”支部创建应知应会》', region: 'henan', idPrefix: 'py-qa' },
  { file: '004_dade8cfdcd7b232c.txt', docTitle: '《关于构建“四沉四提四融合”党建引领基层治理体系的实施意见》', region: 'haimen', idPrefix: 'hm-op' },
]
