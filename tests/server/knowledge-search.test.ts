import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSegmenter } from '../../bot/nlu/segment.ts'
import { askedSubjects, asksList, asksPlace, asksPurpose, asksWhen, asksWho } from '../../server/knowledge/asks.ts'
import { createBm25 } from '../../server/knowledge/bm25.ts'
import { composeAnswer } from '../../server/knowledge/compose.ts'
import { statesAskedDetail } from '../../server/knowledge/details.ts'
import { createKnowledge, MIN_COVERAGE, readPassages } from '../../server/knowledge/answer.ts'
import { askedQuantities, statedQuantities, statesAskedQuantity } from '../../server/knowledge/quantity.ts'
import { createSearch, readAsks, readSynonyms, residentsAsks } from '../../server/knowledge/search.ts'
import { knowledgeSetFile, readEvalQuestions } from '../../bot/nlu/eval-knowledge.ts'

// The parts of retrieval one by one: BM25F, the kind of number asked for, what a question asks to have defined.

describe('BM25F', () => {
  const docs = [
    { id: 'word', fields: { title: [], text: ['三星文明户', '享受', '优惠'] } },
    { id: 'synonyms', fields: { title: [], text: ['政策', '待遇', '奖励', '福利', '激励'] } },
    { id: 'title', fields: { title: ['荣誉'], text: ['三星文明户', '评选'] } },
    { id: 'other', fields: { title: [], text: ['饺子宴', '评选'] } },
  ]
  const bm25 = createBm25(docs, { title: { weight: 3, b: 0.3 }, text: { weight: 1, b: 0.75 } })
  const need = { forms: [{ term: '优惠', weight: 1 }, ...['政策', '待遇', '奖励', '福利', '激励'].map((term) => ({ term, weight: 0.5 }))] }

  it('scores a word once, by its best form: a passage full of synonyms does not beat the word itself', () => {
    const [first, second] = bm25.search([need])
    expect(first?.id).toBe('word')
    expect(second?.id).toBe('synonyms')
    // Half of one synonym's score, not the sum of five.
    expect(second!.score).toBeCloseTo(bm25.search([{ forms: [{ term: '政策', weight: 0.5 }] }])[0]!.score)
  })

  it('weighs a word in the title more than the same word in the body', () => {
    const [first] = bm25.search([{ forms: [{ term: '三星文明户', weight: 1 }] }, { forms: [{ term: '荣誉', weight: 1 }] }])
    expect(first?.id).toBe('title')
    expect(bm25.search([{ forms: [{ term: '荣誉', weight: 1 }] }])[0]!.score).toBeGreaterThan(bm25.search([{ forms: [{ term: '饺子宴', weight: 1 }] }])[0]!.score)
  })

  it('finds nothing for a word no document holds', () => {
    expect(bm25.search([{ forms: [{ term: '残疾证', weight: 1 }] }])).toEqual([])
    expect(bm25.idf('残疾证')).toBeGreaterThan(bm25.idf('优惠'))
  })
})

describe('what a question asks for', () => {
  it('reads the kind of number asked and stated', () => {
    expect(askedQuantities('社区两委干部一共几个人')).toEqual(['#人'])
    // Which ones, not how many: the answer is the list.
    expect(askedQuantities('执法那三室一库具体是哪几个室')).toEqual([])
    expect(askedQuantities('执法那里设了几个室')).toEqual(['#个'])
    // 好几个, 这几个 tell of some, they do not ask how many.
    expect(askedQuantities('这事牵扯好几个部门，县里咋分派')).toEqual([])
    expect(askedQuantities('这几个人归谁管')).toEqual([])
    expect(askedQuantities('镇上那十几个网格谁来分')).toEqual([])
    expect(askedQuantities('听说要成立红白理事会啥的几个会，都归谁管')).toEqual([])
    expect(askedQuantities('村里一共成立了几个会')).toEqual(['#个'])
    // In a yes-or-no or an either-or, 几个 is one of the answers offered ("a few"), not a count asked for.
    expect(askedQuantities('网格员是不是还兼着几个别的活')).toEqual([])
    expect(askedQuantities('评先进是选几个代表去，还是全村都能报')).toEqual([])
    expect(askedQuantities('网格员一共几个，是不是太少了')).toEqual(['#个'])
    // 过几天, 隔几天 tell when, 倒数几名 a rank; 分了几块 asks for the parts, not for money.
    expect(askedQuantities('报了修过几天有人打电话来问满意不，问这干啥')).toEqual([])
    expect(askedQuantities('前几天去乡里交了材料，这事归谁批')).toEqual([])
    expect(askedQuantities('村干部考核排了倒数几名咋弄')).toEqual([])
    expect(askedQuantities('便民服务中心分了几块')).toEqual([])
    expect(askedQuantities('一亩地补几块钱')).toEqual(['#元'])
    expect(askedQuantities('乡镇最长能拖多少天')).toEqual(['#天'])
    expect(askedQuantities('卫生户厕要占多少')).toEqual(['#%'])
    expect(askedQuantities('高龄补贴多少钱')).toEqual(['#元'])
    // Who sets the amount or pays it is asked, not the amount.
    expect(askedQuantities('兼职网格员补贴一个月给多少钱是哪定的')).toEqual([])
    expect(askedQuantities('村医工资多少由谁说了算')).toEqual([])
    expect(askedQuantities('这笔补助多少钱，从哪出')).toEqual(['#元'])
    expect(askedQuantities('补助多少钱从哪出')).toEqual([])
    expect(askedQuantities('补助多少钱，哪天出来')).toEqual(['#元', '#日期'])
    expect(askedQuantities('补助多少钱哪天出来')).toEqual(['#元', '#日期'])
    expect(askedQuantities('支书考公务员能加几分')).toEqual(['#分'])
    expect(askedQuantities('办下来要多久')).toEqual(['#天'])
    expect(askedQuantities('支部会商多久开一次')).toEqual([])
    expect(statedQuantities('行政村不少于 5 人、社区不少于7人，占比80%以上，每年组织一次复查')).toEqual(['#人', '#人', '#%', '#次'])
    // 万 before a unit is a magnitude: 6.5万户 is a number of households, not of yuan; 10万 alone is money.
    expect(statedQuantities('全市评出三星文明户6.5万户')).toEqual(['#户'])
    expect(statedQuantities('奖励工作经费10万')).toEqual(['#元'])
    expect(statedQuantities('划分为城乡建设等十大模块')).toEqual(['#个'])
    // About so many: 300余场次, 2万多人.
    expect(statedQuantities('全县开展义诊300余场次，服务群众2万多人')).toEqual(['#场', '#人'])
    expect(askedQuantities('一年办多少场')).toEqual(['#场'])
  })

  it('reads details no policy states: an hour, a year, a person\'s name or phone number', () => {
    expect(askedQuantities('乡里大厅几点上班')).toEqual(['#点'])
    expect(askedQuantities('这个是哪年开始搞的')).toEqual(['#年份'])
    expect(askedQuantities('俺村网格员叫啥名')).toEqual(['#联系人'])
    expect(askedQuantities('网格员电话多少')).toEqual(['#联系人'])
    // The name of a system is in the documents; a person's is not.
    expect(askedQuantities('群里这个智能网格员是啥系统？叫啥名')).toEqual([])
    // Who holds a post is answered by the post; asked again as a name or a number, it is a person.
    expect(askedQuantities('镇上综治中心主任是谁？叫什么')).toEqual(['#联系人'])
    expect(askedQuantities('网格长是哪个，有她的手机号不')).toEqual(['#联系人'])
    expect(askedQuantities('社会治理室主任是谁当')).toEqual([])
    expect(xinyang.ask('社会治理室主任是谁当？').answer).toContain('党政办主任兼任')
    expect(xinyang.ask('俺乡社会治理室主任是谁？姓啥').abstained).toBe(true)
  })

  it('tells a question that wants a list', () => {
    expect(asksList('三星文明户是哪三颗星')).toBe(true)
    expect(asksList('便民服务大厅有哪几个窗口')).toBe(true)
    expect(asksList('双绑绑的是啥跟啥')).toBe(true)
    expect(asksList('三星文明户有啥好处')).toBe(false)
    expect(asksList('五星支部哪年开始评')).toBe(false)
  })

  it('reads what is to be defined or listed, and whether a purpose or a place is asked', () => {
    expect(askedSubjects('饺子宴是干啥的')).toEqual(['饺子宴'])
    expect(askedSubjects('三星文明户有什么优惠政策')).toEqual(['优惠政策'])
    expect(askedSubjects('14条指挥通道都有啥')).toEqual(['14条指挥通道'])
    expect(askedSubjects('饺子宴谁来主持')).toEqual([])
    expect(asksPurpose('应急网格员是干啥的')).toBe(true)
    expect(asksPurpose('应急网格员是啥')).toBe(false)
    expect(asksPlace('饺子宴在啥地方办')).toBe(true)
    expect(asksWho('这颗星归谁抓')).toBe(true)
    expect(asksWho('网格员由谁担任')).toBe(true)
    expect(asksWho('有事该找谁')).toBe(false)
  })
})

describe('ranking', () => {
  const search = createSearch(readPassages().filter((p) => p.region !== 'haimen'), createSegmenter())
  const top = (q: string) => search.search(q, 1)[0]?.passage.id

  it('does not let question filler drive the ranking: "都是些啥人" asks who, it is not about 人', () => {
    expect(search.query('兼职网格员到底都是些啥人呀').terms).toEqual(['兼职', '网格', '兼职网', '网格员', '兼职网格员'])
    expect(top('兼职网格员到底都是些啥人呀')).toBe('xy-std-5.4.2.2')
  })

  it('weighs the story told around a question less than what it asks, in coverage; a question that only asks is as it was', () => {
    const told = search.query('俺家那口子前年中风了，孩子都在外地，网格员一般多久上门走访一回？')
    expect(told.weights.get('外地')).toBeCloseTo(0.3)
    expect(told.weights.get('上门')).toBe(1)
    // 好几年 is not a question word's 几: the clause tells, it does not ask.
    expect(search.query('俺在外头打工好几年了，三星文明户评上了有啥好处').weights.get('打工')).toBeLessThan(0.5)
    expect(search.query('孩子都在外地，网格员上门走访不').weights.get('外地')).toBeCloseTo(0.3)
    expect(search.query('网格员会上门走访外地回来的人不').weights.get('外地')).toBe(1)
  })

  it('keeps words it does not know whole: 户口 is not 户 + 口, so a question about it is not covered', () => {
    expect(search.query('小孩户口咋上').terms).toEqual(['小孩', '户口'])
    const [hit] = search.search('小孩户口咋上', 1)
    expect(hit?.focus ?? 0).toBeLessThan(MIN_COVERAGE)
  })

  it('prefers the clause that defines the thing asked about, and the one that states the number asked for', () => {
    expect(top('干部包片是什么意思')).toBe('py-qa-village-13')
    expect(top('社区两委干部要配几个人')).toBe('xy-std-5.4.1.1.1')
  })

  it('prefers the clause that says who does a thing when the question asks who: 谁管 is not answered by the list of stars', () => {
    expect(top('生态宜居星在村里归谁管')).toBe('xy-std-6.3.1.2.1.2')
    expect(top('俺村专职网格员是咋定的 谁来干')).toBe('xy-std-5.4.2.2')
  })

  it('prefers the clause whose name the asker quoted over the one that names the whole in passing', () => {
    expect(search.query('开会说三评两比，那个“三评”是哪些人评？').quoted).toEqual(['三评'])
    expect(top('开会说三评两比，那个“三评”是哪些人评？')).toBe('xy-std-6.4.2.2.1')
  })

  it('reads 在理 as 合理: the clause on demands 不管合不合理 answers whether an unreasonable one is heard', () => {
    const q = '群众提的要求要是不在理，村里还理不理？'
    expect(search.query(q).expanded.get('在理')).toContain('合理')
    const fits = search.relevance(q)
    expect(fits('群众诉求不管合不合理，各级各部门都要把群众当成服务对象，积极给予回应，合理的诉求要及时解决，不合理的要耐心解释。'))
      .toBeGreaterThan(fits('坚持以人民为中心的发展思想，围绕群众的诉求，帮助解决问题。'))
  })

  it('looks for the sentence that says by when, when the question asks 啥时候', () => {
    expect(asksWhen('评五星的自评材料啥时候之前交？')).toBe(true)
    expect(asksWhen('评五星的自评材料交给谁？')).toBe(false)
    const fits = search.relevance('评五星的自评材料啥时候之前交？')
    expect(fits('每年12月31日前，村党支部根据重点任务完成情况和评星标准进行自评，并向乡镇党委申报。'))
      .toBeGreaterThan(fits('村党支部根据重点任务完成情况和评星标准进行自评，并向乡镇党委申报。'))
  })

  it('counts a synonym less than the word itself: 好处 finds the clause on the 三星文明户\'s 优惠政策, not one on funding', () => {
    expect(top('评上三星文明户有啥好处？')).toBe('xy-std-6.3.2.1.3.1')
  })

  it('answers a question about a village from the Q&A\'s 农村篇 and one about a city community from its 城市社区篇', () => {
    expect(search.query('村里评五星一年报一回，截止到啥时候').setting).toBe('village')
    expect(search.query('俺们小区还没成立业委会').setting).toBe('city')
    expect(search.query('社区和村评星都报给谁').setting).toBeNull()
    expect(top('村里评五星一年报一回，截止到啥时候')).toBe('py-qa-village-6')
    expect(top('社区评上五星，社区干部报酬涨多少')).toBe('py-qa-community-7')
    const [village, other] = search.search('俺村评上五星支部，村干部报酬涨多少', 2)
    expect(village?.passage.id).toBe('py-qa-village-7')
    expect(other!.rank).toBeLessThan(0.8 * village!.rank)
  })
})

describe('the ways residents ask for a passage', () => {
  it('are read per passage from every file of a folder, and count in ranking and in coverage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-asks-'))
    writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'xy-std-6.3.2.2.5', asks: ['吃席的钱谁掏'] })}\n`)
    writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify({ id: 'xy-std-6.3.2.2.5', asks: ['孝善基金是啥'] })}\n`)
    const asks = readAsks(dir)
    rmSync(dir, { recursive: true, force: true })
    expect(asks.get('xy-std-6.3.2.2.5')).toEqual(['吃席的钱谁掏', '孝善基金是啥'])
    const passages = readPassages().filter((p) => p.region !== 'haimen')
    const seg = createSegmenter()
    const bare = createSearch(passages, seg, readSynonyms(), {}, new Map()).search('吃席的钱谁掏', 1)[0]
    const bridged = createSearch(passages, seg, readSynonyms(), {}, asks).search('吃席的钱谁掏', 1)[0]
    expect(bridged?.passage.id).toBe('xy-std-6.3.2.2.5')
    expect(bridged?.asked).toBe(1)
    expect(bare?.passage.id).not.toBe('xy-std-6.3.2.2.5')
  })

  it('take in every scored set\'s answerable questions, each for its first source, and leave out the set being scored', () => {
    const items = readEvalQuestions(knowledgeSetFile('final10'))
    const answerable = items.flatMap((q) => ('sources' in q ? [q] : []))
    const declined = items.find((q) => 'decline' in q)!
    const all = residentsAsks()
    const without = residentsAsks('final10')
    for (const q of answerable) {
      expect(all.get(q.sources[0]!)).toContain(q.question)
      expect(without.get(q.sources[0]!) ?? []).not.toContain(q.question)
    }
    expect([...all.values()].flat()).not.toContain(declined.question)
    // The asks written per passage stay in both.
    const written = readAsks()
    for (const [id, asks] of written) expect(without.get(id)).toEqual(expect.arrayContaining(asks))
  })
})

/** The deployment's knowledge, built once for the tests that ask it whole. */
const xinyang = createKnowledge({ region: 'xinyang' })

describe('a number asked for and not stated', () => {
  it('is told apart: 多久 is answered by months as well as days, 几厘 is not answered by an amount', () => {
    expect(statesAskedQuantity('取消了多久能再评', '取消之日起满1年后可重新申请')).toBe(true)
    expect(statesAskedQuantity('贷款利率是百分之几', '享受5万至15万元免抵押担保、最低优惠利率信用贷款')).toBe(false)
    expect(statesAskedQuantity('一个乡能评几个人', '每月给予500元补贴')).toBe(false)
    expect(statesAskedQuantity('三星文明户有啥好处', '四免一优先')).toBe(true)
    // How a thing is divided is answered by naming its parts.
    expect(statesAskedQuantity('大厅分成几个区', '大厅设置窗口服务区、自助服务区、咨询投诉区等功能区。一是窗口服务区。二是自助服务区。')).toBe(true)
    expect(statesAskedQuantity('中心里分了几个室', '设立调解室、接待室和档案室等功能室')).toBe(true)
    expect(statesAskedQuantity('中心里分了几个室', '设立调解室，配备专职调解员')).toBe(false)
    expect(statesAskedQuantity('大厅有几个窗口', '大厅设置窗口服务区、自助服务区、咨询投诉区等功能区。一是窗口服务区。二是自助服务区。')).toBe(false)
    // Asked how many and which, it is answered by naming them; asked only how many, it is not.
    expect(statesAskedQuantity('评先进看几项指标，都是哪些', '把群众满意度、集体经济增收、矛盾纠纷化解作为主要指标')).toBe(true)
    expect(statesAskedQuantity('评先进看几项指标', '把群众满意度、集体经济增收、矛盾纠纷化解作为主要指标')).toBe(false)
    // 几个 counts people or households as well as things; a number of times or of items is not a count of them.
    expect(statesAskedQuantity('支部委员最少得有几个', '支部委员会成员不少于 3 人')).toBe(true)
    expect(statesAskedQuantity('一年能评上几个', '当年免费体检1次，落实五项激励政策')).toBe(false)
  })

  it('makes the bot decline rather than answer around the detail', () => {
    expect(xinyang.ask('三星文明户那个信用贷款利率是百分之几').abstained).toBe(true)
    expect(xinyang.ask('三星文明户能贷多少钱').answer).toContain('5万至15万元')
    expect(xinyang.ask('乡里便民服务大厅几点开门，周末上班不').abstained).toBe(true)
    expect(xinyang.ask('俺们村的网格员叫啥名？电话多少？').abstained).toBe(true)
    expect(xinyang.ask('“支部联支部”归市里哪个单位管？').answer).toContain('市委直属机关工委')
    expect(xinyang.ask('县里那十几条指挥通道，日常由谁管理维护？').answer).toContain('县区社会治理中心')
  })
})

describe('a detail the documents name only in passing', () => {
  it('is told apart: a named hospital, a way to download, what a code stands for, how it is done in another city', () => {
    expect(statesAskedDetail('体检去哪家医院', '在医院、车站设置“三星文明户”窗口')).toBe(false)
    expect(statesAskedDetail('体检去哪家医院', '由县人民医院统一组织体检')).toBe(true)
    // Asked which unit, a body named by what it is: 工委, 中心, 局.
    expect(statesAskedDetail('这活动归哪个单位管', '市委直属机关工委负责常态化开展这项活动')).toBe(true)
    expect(statesAskedDetail('这活动归哪个单位管', '各单位要积极参与')).toBe(false)
    expect(statesAskedDetail('那个APP搁哪下载', '指导网格员正确使用“信服通”APP')).toBe(false)
    expect(statesAskedDetail('那个APP搁哪下载', '在手机应用商店搜索下载')).toBe(true)
    // Asked whether one may download it, or just 在哪下: still a way to get it, which the clause does not give.
    expect(statesAskedDetail('那个APP俺们能不能下载？在哪下？', '指导网格员正确使用“信服通”APP')).toBe(false)
    expect(statesAskedDetail('这个表在哪下', '表格可在乡镇网站下载')).toBe(true)
    expect(statesAskedDetail('1335是啥意思', '一般应在7天内解决，最长不得超过15天')).toBe(false)
    expect(statesAskedDetail('网格员用的APP叫啥', '指导网格员正确使用“信服通”APP')).toBe(true)
    // A lower rank named: the answer must be about that rank, not about the 五星 one.
    expect(statesAskedDetail('社区评上四星支部，市里给多少', '省级对“五星”支部通报表扬，给予10万元工作经费奖励')).toBe(false)
    expect(statesAskedDetail('社区评上四星支部，市里给多少', '市级对“四星”支部通报表扬，给予5万元工作经费奖励')).toBe(true)
    expect(statesAskedDetail('五星支部是哪五颗星', '支部过硬星、产业兴旺星、生态宜居星、平安法治星、文明幸福星')).toBe(true)
    // Another city's or province's rules: only an answer that speaks of that place.
    expect(statesAskedDetail('洛阳那边评上文明户给不给贷款', '享受5万至15万元免抵押担保、最低优惠利率信用贷款')).toBe(false)
    expect(statesAskedDetail('湖北那里的网格员一个月多少钱', '专职网格员报酬不低于当地最低工资标准')).toBe(false)
    expect(statesAskedDetail('濮阳那边五星支部咋评', '濮阳市“五星”支部创建……')).toBe(true)
    expect(statesAskedDetail('俺儿在许昌，那边评上文明户也能贷款不', '享受5万至15万元免抵押担保、最低优惠利率信用贷款')).toBe(false)
  })

  it('makes the bot decline rather than answer with the topic around it', () => {
    expect(xinyang.ask('三星户的老人免费体检是在哪个医院做').abstained).toBe(true)
    expect(xinyang.ask('三星户家里老人体检要钱不').abstained).toBe(false)
    expect(xinyang.ask('网格员使的那个信服通去哪下载啊').abstained).toBe(true)
    expect(xinyang.ask('县里说的13710，每个数代表啥').abstained).toBe(true)
    expect(xinyang.ask('商丘那边评上三星文明户，也有四免一优先不').abstained).toBe(true)
    expect(xinyang.ask('俺姐在漯河 那边评上三星文明户也有四免一优先不').abstained).toBe(true)
    expect(xinyang.ask('俺表妹在南阳，她们那儿评上三星文明户也有四免一优先不').abstained).toBe(true)
    expect(xinyang.ask('评上三星文明户，有四免一优先不').abstained).toBe(false)
  })
})

describe('composing an answer', () => {
  it('brings the substance that follows a short numbered point ("八要推动快递进村。")', () => {
    const passage = readPassages().find((p) => p.id === 'py-qa-village-12')!
    const { answer } = composeAnswer([passage], (s) => (s.includes('快递') && s.length < 20 ? 1 : 0))
    expect(answer).toContain('八要推动快递进村')
    expect(answer).toContain('寄递物流综合服务站')
  })

  it('does not let a short point bring the sentences after it when the point holds the sentence that answers', () => {
    const passage = readPassages().find((p) => p.id === 'xy-talk-13')!
    // The whole point (the passage) says something of the question; its opening most, the sentence on 抓要 next.
    const relevance = (s: string) => (s.length > 200 ? 0.3 : s.includes('抓要推进') ? 0.6 : s.includes('抓要') ? 0.4 : 0)
    const { answer } = composeAnswer([passage], relevance)
    expect(answer).toContain('抓要，就是要盯住抓住要紧事要害事')
    expect(answer).not.toContain('把谋事和蓄势')
  })

  it('answers a list question with the head of every numbered point, not the first point in full', () => {
    const passage = readPassages().find((p) => p.id === 'py-qa-village-15')!
    const relevance = (s: string) => (s.includes('合作社') ? 1 : 0)
    const listed = composeAnswer([passage], relevance, { list: true }).answer
    for (const point of ['一是大力发展农民专业合作社', '二是推动农户与合作社“绑定”发展', '三是推动合作社与龙头企业“绑定”发展']) expect(listed).toContain(point)
    // Asked about one thing, the first point comes with its substance.
    expect(composeAnswer([passage], relevance).answer).toContain('鼓励党员干部')
  })

  it('names every item of a labelled list that is too long to quote whole, each by its label and first clause', () => {
    const passage = readPassages().find((p) => p.id === 'xy-std-5.4.2.2')!
    expect(passage.text.length).toBeGreaterThan(200)
    const { answer } = composeAnswer([passage], (s) => (s.includes('一长三员') ? 1 : 0))
    for (const item of ['网格长：网格长负责本网格的服务管理工作', '专职网格员：', '兼职网格员：协助开展网格管理服务', '网格指导员：由乡镇（街道）包村（社区）干部担任']) expect(answer).toContain(item)
    expect(answer).not.toContain('物业管理员')
    expect(answer.length).toBeLessThanOrEqual(200)
  })

  it('answers each of two things asked in one question with the sentence that says most of it', () => {
    const { answer } = xinyang.ask('俺们社区应急演练一年搞几回？联防队上班是啥制度')
    expect(answer).toContain('每年至少开展1次应急演练')
    expect(answer).toContain('8小时工作制')
  })

  it('answers what one does with the sentence that names the duties', () => {
    expect(xinyang.ask('村里让俺当专职网格员，平常主要干啥？').answer).toContain('采集基础数据、反映群众诉求、提供便民服务')
  })

  it('answers a question about a lack with the sentence about that lack, not the usual case sharing its words', () => {
    const { answer } = xinyang.ask('俺们那老小区人少，业委会一直成立不了，该咋办')
    expect(answer).toContain('对暂不具备成立业主委员会条件的，指导组建物业管理委员会')
    // A lack told around another ask is not what is asked: where to blow the whistle is.
    expect(xinyang.ask('事情乡里也弄不了，还涉及好几个部门，这哨子吹给谁').answer).toContain('分管领导')
  })

  it('quotes the part of a sentence too long to quote whole that answers, not its opening, and marks the cuts', () => {
    const passage = readPassages().find((p) => p.id === 'py-qa-village-2')!
    expect(passage.text.length).toBeGreaterThan(200)
    const { answer } = composeAnswer([passage], (s) => (s.includes('四治融合') ? 1 : 0))
    expect(answer).toContain('自治、法治、德治、数治“四治融合”')
    expect(answer).toMatch(/^…/)
    expect(answer).not.toContain('以习近平新时代')
    expect(answer.length).toBeLessThanOrEqual(200)
    // When what fits from the start already says as much, the sentence is quoted from its start.
    const opening = composeAnswer([passage], (s) => (s.includes('三零') ? 1 : s.includes('四治融合') ? 1 : 0)).answer
    expect(opening).toMatch(/^以习近平新时代/)
  })

  it('quotes the part that holds a term the asker put in quotation marks, though words of the opening match as well', () => {
    const passage = readPassages().find((p) => p.id === 'py-qa-village-2')!
    const { answer } = composeAnswer([passage], (s) => (s.includes('三零') ? 1 : s.includes('四治融合') ? 1 : 0), { quoted: ['四治融合'] })
    expect(answer).toContain('自治、法治、德治、数治“四治融合”')
    expect(xinyang.ask('咱农村讲的“四治融合”，是哪四样治？').answer).toContain('自治、法治、德治、数治')
  })
})
