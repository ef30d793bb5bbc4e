import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { startTestServer, T, type TestServer } from '../helpers/server.ts'

// Answering from the knowledge base: the local engine directly, then the FAQ and ask API over real HTTP.

const xinyang = createKnowledge({ region: 'xinyang' })
const haimen = createKnowledge({ region: 'haimen' })

describe('answers from the documents in force', () => {
  it('gives numbers as the clause says them, with the clause as source', () => {
    const a = xinyang.ask('俺娘70了能参加饺子宴不')
    expect(a).toMatchObject({ abstained: false, via: 'documents', sources: [{ id: 'xy-std-6.3.2.2.3' }] })
    expect(a.answer).toContain('60周岁以上')
    expect(a.answer).toMatch(/\n来源：《党建引领基层治理工作规范》6\.3\.2\.2\.3$/)
  })

  it('keeps a list together with the sentence that introduces it', () => {
    const a = xinyang.ask('三星文明户去医院看病能优先吗')
    expect(a.sources[0]?.id).toBe('xy-std-6.3.2.1.3.1')
    for (const item of ['免抵押', '免费乘坐公交', '免旅游景点门票', '免费体检', '看病、买票优先']) expect(a.answer).toContain(item)
    expect([...a.answer!].length).toBeLessThanOrEqual(200)
  })

  it('answers from the Henan Q&A in Xinyang, cut to the sentences that matter', () => {
    const a = xinyang.ask('乡镇处理问题最长能拖多少天')
    expect(a.sources[0]?.id).toBe('py-qa-village-14')
    expect(a.answer).toContain('15天')
    expect(a.answer).toContain('来源：《濮阳市“五星”支部创建应知应会》农村篇第14问')
    expect([...a.answer!].length).toBeLessThanOrEqual(200)
  })

  it('draws on the neighbouring clause when it answers as well, and cites only the clauses it quotes', () => {
    const a = xinyang.ask('指挥通道都有哪些')
    expect(a.answer).toContain('党政指挥、党建引领')
    expect(a.sources.map((s) => s.id)).toEqual(['xy-std-6.1.3.1'])
    expect(a.answer).toMatch(/来源：《党建引领基层治理工作规范》6\.1\.3\.1$/)
    const both = xinyang.ask('三星文明户按啥程序评选，每年还复查吗')
    expect(both.sources.map((s) => s.id)).toEqual(['xy-std-6.3.2.1.2.1', 'xy-std-6.3.2.1.2.2'])
    expect(both.answer).toContain('农户认领承诺')
    expect(both.answer).toContain('每年组织一次全面复查')
    expect(both.answer).toMatch(/来源：《党建引领基层治理工作规范》6\.3\.2\.1\.2\.1、6\.3\.2\.1\.2\.2$/)
  })

  it('finds the clause that lists what a list question asks for, over a shorter one that names them', () => {
    const a = xinyang.ask('三星文明户到底是哪三颗星')
    expect(a.sources[0]?.id).toBe('xy-std-6.3.2.1.1.1')
    for (const star of ['干净整洁星', '孝老友善星', '勤劳致富星']) expect(a.answer).toContain(star)
    const windows = xinyang.ask('乡里便民服务大厅都有哪几个窗口')
    expect(windows.answer).toContain('民政、人社、医保、公安')
  })

  it('answers with the sentence that holds the kind of number asked for', () => {
    const a = xinyang.ask('乡里解决问题最长几天')
    expect(a.sources[0]?.id).toBe('py-qa-village-14')
    expect(a.answer).toContain('最长不得超过15天')
  })

  it('reads a sentence of a long Q&A item with its numbered point, and a village word by how common its synonyms are', () => {
    // 村里 is rare as written but stands for 农村, found in nearly every point of 农村篇第12问: it must not pick the sentence.
    const fees = xinyang.ask('俺不会弄手机，养老保险跟医保的钱能在村里找人代交不')
    expect(fees.sources[0]?.id).toBe('py-qa-village-12')
    expect(fees.answer).toContain('医疗和养老保费收缴')
    // The question's story (儿女都不管) says which point answers: one on 赡养 (the agreement, or 教育规劝 of those who
    // do not support their old), not the first point that says 农村.
    const ungated = createKnowledge({ region: 'xinyang', gate: 'none' })
    expect(ungated.ask('老人家儿女都不管，村里能想啥法子').answer).toMatch(/家庭赡养协议书|不赡养老人/)
  })

  it('judges coverage by the things asked about, not by how they are put: 干不好, 辞退 are the resident\'s words', () => {
    const a = xinyang.ask('网格员要是干不好会被辞退不')
    expect(a.sources[0]?.id).toBe('xy-std-5.4.2.4.4')
    expect(a.answer).toContain('依法依规解聘')
    // A thing the documents never mention still makes the question one they do not cover.
    expect(xinyang.ask('网格员考试报名啥时候开始')).toMatchObject({ abstained: true })
  })

  it('answers a question told with the asker\'s story first, by what it asks', () => {
    const a = xinyang.ask('俺家那口子前年中风了，孩子都在外地，俺一个人顾不过来，网格员一般多久上门走访一回？')
    expect(a.abstained).toBe(false)
    expect(a.answer).toContain('每月至少开展一次“敲门行动”')
  })

  it('takes "工资涨多少" as asking for a sum of money, and "多少钱是哪定的" as asking who sets it', () => {
    expect(xinyang.ask('当上基层治理标兵以后工资涨多少').answer).toContain('每月增加500元')
    // Who sets the pay and who pays it, not how much it is: the documents say that much.
    expect(xinyang.ask('俺闺女当专职网格员，一个月发多少钱是哪定的？钱从哪出？').answer).toMatch(/以县区为单位.*县区财政预算/)
  })

  it('answers only from what applies in the region: Haimen\'s 双积分 not in Xinyang, 三星文明户 not in Haimen', () => {
    expect(xinyang.ask('双积分能换啥东西')).toMatchObject({ abstained: true, answer: null, sources: [] })
    expect(haimen.ask('三星文明户去医院看病能优先吗')).toMatchObject({ abstained: true })
    expect(haimen.passages.every((p) => p.region === 'haimen')).toBe(true)
    expect(new Set(xinyang.passages.map((p) => p.region))).toEqual(new Set(['xinyang', 'henan']))
  })

  it.each(['今年种粮补贴一亩多少', '五保户每月给多少钱', '打狂犬疫苗去哪', '今天几号了', '驾照到期了去哪换'])('declines what the documents do not cover: %s', (q) => {
    expect(xinyang.ask(q)).toMatchObject({ abstained: true, answer: null, via: 'none' })
  })

  it('answers the way villagers put it: 三星户 for 三星文明户, 好处 for 优惠政策', () => {
    const r = xinyang.ask('三星户有啥好处')
    expect(r.sources[0]?.id).toBe('xy-std-6.3.2.1.3.1')
    expect(r.answer).toContain('四免一优先')
    expect(r.answer).toMatch(/来源：《党建引领基层治理工作规范》6\.3\.2\.1\.3\.1$/)
  })
})

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

describe('the FAQ and the ask API', () => {
  it('puts an admin\'s FAQ entry before the documents, and drops it again when deleted', async () => {
    const before = await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '饺子宴在啥地方办' })
    expect(before.status).toBe(200)
    const added = await s.call(T.admin, 'POST', '/api/knowledge/faq', { question: '饺子宴在哪里办？', answer: '柳树村的饺子宴在村文化广场办，每月第一个周六。', source: '柳树村村委会通知' })
    expect(added.status).toBe(201)
    const a = await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '饺子宴在啥地方办' })
    expect(a.body).toMatchObject({ via: 'faq', abstained: false, sources: [{ id: `faq-${added.body.id}` }] })
    expect(a.body.answer).toBe('柳树村的饺子宴在村文化广场办，每月第一个周六。\n来源：柳树村村委会通知')
    // A question on the same thing that wants another kind of answer (who, not where) goes to the documents.
    expect((await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '饺子宴谁来主持' })).body.via).toBe('documents')
    // An unrelated question still goes to the documents.
    expect((await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '应急网格员是干啥的' })).body.via).toBe('documents')

    const edited = await s.call(T.admin, 'PATCH', `/api/knowledge/faq/${added.body.id}`, { answer: '改在村小学操场办。' })
    expect(edited.body.answer).toBe('改在村小学操场办。')
    expect((await s.call(T.admin, 'DELETE', `/api/knowledge/faq/${added.body.id}`)).status).toBe(204)
    expect((await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '饺子宴在啥地方办' })).body.via).not.toBe('faq')
  })

  it('lets only admins edit the FAQ, and says what is wrong in Chinese', async () => {
    const worker = await s.call(T.wangqiang, 'POST', '/api/knowledge/faq', { question: '低保怎么申请？', answer: '到村委会登记。', source: '网格员' })
    expect(worker.status).toBe(403)
    expect(worker.body.error.message).toBe('只有管理员可以修改问答库')
    const bad = await s.call(T.admin, 'POST', '/api/knowledge/faq', { question: '低', answer: '', source: '村委会' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'question' })
    expect(bad.body.error.message).toContain('问题至少 2 个字')
    expect((await s.call(T.admin, 'PATCH', '/api/knowledge/faq/999', { answer: '不存在的问答' })).status).toBe(404)
    expect((await s.call(T.admin, 'GET', '/api/knowledge/faq')).body.items).toEqual([])
  })

  it('lists the documents in force for the deployment\'s region', async () => {
    const r = await s.call(T.admin, 'GET', '/api/knowledge/documents')
    expect(r.body).toMatchObject({ region: 'xinyang', regionLabel: '信阳市' })
    expect(r.body.inForce.map((d: { region: string }) => d.region)).toEqual(['xinyang', 'xinyang', 'xinyang', 'henan'])
    expect(r.body.notInForce).toMatchObject([{ region: 'haimen', passages: 0 }])
  })

  it('keeps a handed-off question and a staff member\'s answer to it as a FAQ entry, once', async () => {
    const q = await s.call(T.bot, 'POST', '/api/knowledge/questions', { question: '低保咋申请', wechatRoomId: 'r1@chatroom', roomTopic: '柳树村一网格群', contactId: 'wxid_liu', name: '刘姐' })
    expect(q.status).toBe(201)
    const stranger = await s.call(T.bot, 'POST', `/api/knowledge/questions/${q.body.id}/answer`, { answer: '到村委会找纪检委员登记。', onBehalfOf: { contactId: 'wxid_nobody' } })
    expect(stranger.status).toBe(403)
    const worker = { contactId: 'wxid_wangqiang' } // 王强, 专职网格员 of 柳树村一网格
    const done = await s.call(T.bot, 'POST', `/api/knowledge/questions/${q.body.id}/answer`, { answer: '到村委会找纪检委员登记。', onBehalfOf: { contactId: worker.contactId } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ answer: '到村委会找纪检委员登记。', answeredBy: '王强' })
    const again = await s.call(T.bot, 'POST', `/api/knowledge/questions/${q.body.id}/answer`, { answer: '另一个回答', onBehalfOf: { contactId: worker.contactId } })
    expect(again.status).toBe(409)
    const a = await s.call(T.bot, 'POST', '/api/knowledge/ask', { question: '低保咋申请' })
    expect(a.body).toMatchObject({ via: 'faq', sources: [{ id: `faq-${done.body.faqId}` }] })
    expect(a.body.answer).toMatch(/^到村委会找纪检委员登记。\n来源：王强答复（\d{4}-\d\d-\d\d）$/)
  })
})
