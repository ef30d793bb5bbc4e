import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerWithBot, stopServerWithBot, type TestBot } from '../helpers/bot.ts'
import { T, type TestServer } from '../helpers/server.ts'

// End to end: the real Wechaty on the mock puppet, the real pipeline, the real server over HTTP and SQLite.

const ROOM = '柳树村一网格群'
let s: TestServer
let b: TestBot
beforeAll(async () => { ({ server: s, bot: b } = await startServerWithBot()) })
afterAll(() => stopServerWithBot({ server: s, bot: b }))

const ticketOf = async (no: string) => (await s.call(T.admin, 'GET', `/api/tickets/${no}`)).body
const noIn = (text: string) => /W\d{4,}/.exec(text)?.[0] ?? null
/** A one-pixel PNG, as a resident's photo. */
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605ee0000000049454e44ae426082', 'hex')

describe('the closed loop in a village group', () => {
  it('appeal → ticket → worker told → 受理 → resident told → 办结 → asked to rate → 满意 → closed', async () => {
    const receipt = await b.say('李阿姨', '村东头老槐树那的路灯坏了三天了，晚上黑咕隆咚的', ROOM)
    const inRoom = receipt.filter((r) => r.room === ROOM)
    expect(inRoom).toHaveLength(1)
    expect(inRoom[0]!.text).toMatch(/^@李阿姨\s收到，已登记工单W\d+，由网格员王强跟进/)
    expect([...inRoom[0]!.text].length).toBeLessThanOrEqual(80)
    const no = noIn(inRoom[0]!.text)!
    expect(receipt.find((r) => r.to === '王强')?.text).toContain(`【新工单 ${no}】柳树村一网格 · 基础设施`)
    expect(await ticketOf(no)).toMatchObject({ status: 'reported', category: 'infrastructure', reporter: { name: '李阿姨' }, place: '村东头' })

    const accepted = await b.say('王强', `受理 ${no}`)
    expect(accepted.find((r) => r.to === '王强')?.text).toBe(`已受理工单${no}（办理中）。`)
    expect(accepted.find((r) => r.room === ROOM)?.text).toMatch(new RegExp(`^@李阿姨\\s.*工单${no}）已由网格员王强受理`))

    const resolved = await b.say('王强', `办结 ${no} 已换新灯泡`)
    const told = resolved.find((r) => r.room === ROOM)!.text
    expect(told).toContain(`工单${no}已办结：已换新灯泡`)
    expect(told).toContain('满意')

    const rated = await b.say('李阿姨', '满意', ROOM)
    expect(rated).toHaveLength(1)
    expect(rated[0]!.text).toMatch(new RegExp(`^@李阿姨\\s谢谢评价！工单${no}已结案。$`))
    expect(await ticketOf(no)).toMatchObject({ status: 'closed', rating: 'satisfied' })
  })

  it('不满意 with words reopens the ticket and the worker hears why', async () => {
    const no = noIn((await b.say('赵婶', '二组的路灯坏了好几天了，麻烦来修一下', ROOM))[0]!.text)!
    await b.say('王强', `受理 ${no}`)
    await b.say('王强', `办结 ${no} 已修好`)
    const r = await b.say('赵婶', '不满意，还在漏', ROOM)
    expect(r.find((x) => x.room === ROOM)?.text).toContain(`工单${no}已发回重办`)
    expect(r.find((x) => x.to === '王强')?.text).toContain('还在漏')
    expect(await ticketOf(no)).toMatchObject({ status: 'accepted', flags: { reopenCount: 1 } })

    // Done again; this time she answers in a private chat with the bot.
    await b.say('王强', `办结 ${no} 换了整段水管`)
    const privately = await b.say('赵婶', '2')
    expect(privately).toEqual([{ to: '赵婶', text: `谢谢评价！工单${no}已结案。` }])
    expect(await ticketOf(no)).toMatchObject({ status: 'closed', rating: 'basicallySatisfied' })
  })

  it('an emergency gets 110/119/120 guidance first, and grid worker, grid head and instructor are alerted', async () => {
    const r = await b.say('老张', '三组老王家着火了！快来人', ROOM)
    const inRoom = r.filter((x) => x.room === ROOM)
    expect(inRoom[0]!.text).toContain('119')
    expect(r.indexOf(inRoom[0]!)).toBe(0)
    const no = noIn(inRoom[1]!.text)!
    expect((await ticketOf(no)).flags.urgent).toBe(true)
    const alerted = r.filter((x) => x.to && x.text.startsWith(`【紧急 ${no}】`)).map((x) => x.to).sort()
    expect(alerted).toEqual(['任海燕', '王强', '王秀兰'].sort())
  })

  it('chatter gets silence', async () => {
    expect(await b.say('刘姐', '今天太阳真好，晒被子去喽', ROOM)).toEqual([])
    expect(await b.say('王大爷', '哈哈哈 👍', ROOM)).toEqual([])
  })

  it('thanks get a short thank-you, and suggestions are recorded for the staff', async () => {
    const thanks = await b.say('王大爷', '谢谢网格员，辛苦了', ROOM)
    expect(thanks[0]!.text).toMatch(/^@王大爷\s谢谢您的肯定/)
    const idea = await b.say('刘姐', '建议村里晚上多组织几次广场舞', ROOM)
    expect(idea[0]!.text).toMatch(/^@刘姐\s谢谢建议，已记下/)
    const recorded = (await s.call(T.admin, 'GET', '/api/feedback')).body.items
    expect(recorded.slice(0, 2).map((f: { kind: string; name: string; roomTopic: string }) => [f.kind, f.name, f.roomTopic])).toEqual([
      ['suggestion', '刘姐', ROOM], ['thanks', '王大爷', ROOM],
    ])
  })

  it('a policy question asked of the bot is answered in the group with its source', async () => {
    const r = await b.say('刘姐', '俺娘70了能参加饺子宴不', ROOM, true)
    expect(r).toHaveLength(1)
    expect(r[0]!.room).toBe(ROOM)
    expect(r[0]!.text).toMatch(/^@刘姐\s.*60周岁以上[\s\S]*\n来源：《党建引领基层治理工作规范》6\.3\.2\.2\.3$/)
  })

  it('a question the documents do not answer goes to the grid worker, whose 入库 answer reaches the group and the FAQ', async () => {
    const r = await b.say('刘姐', '养老金啥时候涨', ROOM, true)
    expect(r.find((x) => x.room === ROOM)?.text).toContain('转给网格员王强')
    const handed = r.find((x) => x.to === '王强')!.text
    expect(handed).toMatch(/^【居民咨询 Q\d+】柳树村一网格群 刘姐：/)
    const id = /Q(\d+)/.exec(handed)![1]
    const stored = await b.say('王强', `入库 Q${id} 每年7月省里公布调整方案，按月补发。`)
    expect(stored.find((x) => x.to === '王强')?.text).toBe(`已在群里答复咨询Q${id}，并存入问答库。`)
    expect(stored.find((x) => x.room === ROOM)?.text).toMatch(/^@刘姐\s您问的“养老金啥时候涨”，王强答复：每年7月省里公布调整方案/)
    // Next time the bot knows.
    const again = await b.say('赵婶', '养老金什么时候能涨啊', ROOM, true)
    expect(again).toHaveLength(1)
    expect(again[0]!.text).toMatch(/^@赵婶\s每年7月省里公布调整方案，按月补发。\n来源：王强答复/)
  })

  it('a second resident reporting the same thing is linked to the open ticket, and told with the first', async () => {
    const first = noIn((await b.say('王大爷', '学校门口那段路上的下水道堵了，一下雨就积水', ROOM))[0]!.text)!
    const again = await b.say('刘姐', '学校门口下水道堵了，下雨天都是积水', ROOM)
    expect(again.find((x) => x.room === ROOM)?.text).toMatch(new RegExp(`^@刘姐\\s这件事已有工单${first}在办`))
    const accepted = await b.say('王强', `受理 ${first}`)
    expect(accepted.find((x) => x.room === ROOM)?.text).toMatch(/^@王大爷\s@刘姐\s/)
  })

  it('a picture sent right after an appeal joins its ticket', async () => {
    const no = noIn((await b.say('老张', '五组路边的垃圾堆了一个星期没人清', ROOM))[0]!.text)!
    const said = b.world.say({ room: ROOM, from: '老张', file: { name: 'photo.png', data: png } })
    expect(said.ok).toBe(true)
    await b.bot.runner.handled((said as { messageId: string }).messageId)
    const detail = await ticketOf(no)
    expect(detail.attachments).toHaveLength(1)
    expect(detail.attachments[0].mime).toBe('image/png')
    const more = await b.say('老张', '垃圾堆旁边还有人倒了一堆建筑渣土', ROOM)
    expect(more.find((x) => x.room === ROOM)).toBeUndefined() // joined quietly, no second ticket
    const events = (await ticketOf(no)).events.map((e: { action: string }) => e.action)
    expect(events).toContain('supplement')
  })

  it('what a resident adds within two minutes joins their appeal, but another place is another ticket', async () => {
    const first = noIn((await b.say('王大爷', '二组水渠那的闸门坏了放不了水', ROOM))[0]!.text)!
    const added = await b.say('王大爷', '闸门边上也漏水了，麻烦一块修修', ROOM)
    expect(added).toEqual([{ to: '王强', text: `【补充 ${first}】王大爷：闸门边上也漏水了，麻烦一块修修` }])
    const second = noIn((await b.say('王大爷', '四组打麦场那根电线杆歪了，怕倒', ROOM))[0]!.text)
    expect(second).toMatch(/^W\d+$/)
    expect(second).not.toBe(first)
    expect((await ticketOf(first)).events.map((e: { action: string }) => e.action)).toContain('supplement')
    expect(await ticketOf(second!)).toMatchObject({ place: '四组', reporter: { name: '王大爷' } })
  })

  it('after an emergency, a picture joins it but an appeal of another kind is a ticket of its own', async () => {
    const ROOM2 = '柳树村二网格群' // her own group, so that no other test's talk is within her two minutes
    const alarm = await b.say('孙奶奶', '俺家后院柴火垛着了 火苗子窜老高 快来人', ROOM2)
    const urgent = noIn(alarm.find((x) => x.room === ROOM2 && noIn(x.text))!.text)!
    expect(await ticketOf(urgent)).toMatchObject({ intent: 'emergency', category: 'safety' })
    const said = b.world.say({ room: ROOM2, from: '孙奶奶', file: { name: 'fire.png', data: png } })
    expect(said.ok).toBe(true)
    await b.bot.runner.handled((said as { messageId: string }).messageId)
    expect((await ticketOf(urgent)).attachments).toHaveLength(1)

    const appeal = await b.say('孙奶奶', '路灯也坏了好几天了 晚上黑得很', ROOM2)
    const receipt = appeal.find((x) => x.room === ROOM2)?.text ?? ''
    expect(receipt).toMatch(/^@孙奶奶\s收到，已登记工单W\d+/)
    const second = noIn(receipt)!
    expect(second).not.toBe(urgent)
    expect(await ticketOf(second)).toMatchObject({ intent: 'appeal', category: 'infrastructure' })
    expect((await ticketOf(urgent)).events.map((e: { action: string }) => e.action)).not.toContain('supplement')
  })

  it('a resident asking after their appeals gets their tickets and statuses', async () => {
    const filed = await b.say('刘姐', '三组桥头那盏路灯黑了两天了', ROOM)
    const no = noIn(filed[0]!.text)!
    const r = await b.say('刘姐', '我上次反映的路灯怎么样了', ROOM)
    expect(r).toHaveLength(1)
    expect(r[0]!.text).toMatch(/^@刘姐\s您反映的事项：/)
    expect(r[0]!.text).toMatch(new RegExp(`${no}“[^”]+”待受理`))
  })

  it('asking after a matter with nothing reported is answered from the documents when it is a policy question', async () => {
    const ROOM2 = '柳树村二网格群'
    const policy = await b.say('老周', '村里评星的材料啥时候之前得报上去？', ROOM2)
    expect(policy).toHaveLength(1)
    expect(policy[0]!.text).toMatch(/^@老周\s.*12月31日前[\s\S]*\n来源：/)
    const matter = await b.say('老周', '我上回说的那个事咋样了', ROOM2)
    expect(matter).toEqual([expect.objectContaining({ room: ROOM2, text: '@老周 没查到您反映过的事项。如有问题直接在群里说就行。' })])
  })

  it('privately, a policy question is answered from the documents, and an appeal is asked into the group', async () => {
    const policy = await b.say('马婶', '俺家要是评上三星文明户，能有啥好处不？')
    expect(policy).toEqual([{ to: '马婶', text: expect.stringMatching(/四免一优先[\s\S]*\n来源：《党建引领基层治理工作规范》6\.3\.2\.1\.3\.1$/) }])
    const appeal = await b.say('马婶', '俺家门口的水沟堵了好几天了')
    expect(appeal).toEqual([{ to: '马婶', text: '请在您所在的网格群里说一下，我好登记给您的网格员；紧急情况请直接拨打110/119/120。' }])
  })

  it('a theft in progress is told to call 110, not that someone is hurting people', async () => {
    const r = await b.say('王大爷', '有人搁村西头偷变压器铜线哩', ROOM)
    expect(r.find((x) => x.room === ROOM)?.text).toMatch(/^@王大爷\s有人行凶、打砸或正在偷抢请立即拨打110/)
  })
})

describe('grid-worker commands in a private chat', () => {
  it.each([
    ['受理 W9999', '没有找到工单W9999，请核对编号。'],
    ['受理', '请写上工单号，例如：受理 W1001'],
    ['办结 W1001', '办结需要写明结果，例如：办结 W1001 已更换灯泡'],
    ['核验 W1001 好的', '核验请写“通过”或“不通过”，例如：核验 W1001 通过'],
    ['吃了吗', '没听懂这个命令。回复“帮助”查看可用命令。'],
  ])('%s → %s', async (command, answer) => {
    const r = await b.say('王强', command)
    expect(r).toEqual([{ to: '王强', text: answer }])
  })

  it('says so when the ticket is not theirs or not in a state for it', async () => {
    const no = noIn((await b.say('李阿姨', '村委会门口的路灯也不亮了', ROOM))[0]!.text)!
    const notTheirs = await b.say('赵静', `受理 ${no}`)
    expect(notTheirs[0]!.text).toContain(`您无权受理工单${no}`)
    const notYet = await b.say('王强', `办结 ${no} 修好了`)
    expect(notYet[0]!.text).toBe(`工单${no}当前为“待受理”，不能办结`)
    const help = await b.say('王强', '帮助')
    expect(help[0]!.text).toContain('我的工单')
    const mine = await b.say('王强', '我的工单')
    expect(mine[0]!.text).toContain(no)
  })

  it('escalates from WeChat and the village post hears of it', async () => {
    const no = noIn((await b.say('赵婶', '俺家和隔壁为宅基地边界吵起来了，调解不下来', ROOM))[0]!.text)!
    const r = await b.say('王强', `上报 ${no} 网格内调解不成`)
    expect(r.find((x) => x.to === '王强')?.text).toBe(`已上报工单${no}（待受理）。`)
    expect(r.find((x) => x.to === '刘大勇')?.text).toContain(`【上报工单 ${no}】`)
  })
})
