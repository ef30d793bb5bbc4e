import { beforeAll, describe, expect, it } from 'vitest'
import { firstAid } from '../../bot/pipeline/handle-message.ts'
import type { Inbound } from '../../bot/pipeline/types.ts'
import { createLocalEngine, type LocalEngine } from '../../bot/nlu/local.ts'

// The first thing the bot says in an emergency, through the real classifier: whom to call and what to do before help
// comes, for the situation described, not only for its kind. Sentences written for these tests.

let engine: LocalEngine
beforeAll(() => { engine = createLocalEngine() })

const said = (text: string) => {
  const msg: Inbound = { id: 'm1', roomId: 'r1', roomTopic: '柳树村一网格群', talkerId: 'u1', talkerName: '赵婶', text, kind: 'text', media: null, mentionsBot: false, receivedAt: new Date() }
  const out = firstAid(msg, engine.classify(text))
  expect(out).toHaveLength(1)
  expect(out[0]).toMatchObject({ roomId: 'r1', mention: ['u1'], priority: 0 })
  return out[0]!.text
}

describe('first aid fits the situation', () => {
  it.each([
    ['俺家老二在花生地里叫蛇咬了脚脖子 肿起来了', /被蛇咬了.*120.*别用嘴吸/],
    ['孙女吃糖豆卡住了 小脸憋得通红 咳不出来', /异物卡喉.*从背后抱住/],
    ['俺三叔跟婶子吵完架喝了半瓶敌敌畏农药 嘴里直冒沫', /误服农药.*带上药瓶/],
    ['屋里生着炭火盆 一家三口早上都晕乎乎的起不来', /煤烟中毒.*开窗通风/],
    ['儿媳妇肚子疼得厉害 羊水破了 车还在路上', /要生了.*120/],
    ['小孙子高烧到四十度 刚才突然抽起来了 眼往上翻', /抽风.*侧躺.*嘴里别塞东西/],
    ['俺娘剥着豆角突然嘴就歪了 半边身子动不了', /中风.*记下发病时间/],
    ['三组有人浇地拉电线叫电打住了 躺地下不动', /触电.*先拉闸断电/],
    ['红薯窖里下去俩人 半天没动静了', /沼气池、地窖.*别再下去救人/],
    ['一辆白面包车把放学的小妮儿硬拽上车了 往北开了', /强行带走.*110.*车牌/],
    ['后街那间土坯房塌了 老周还在里头压着', /塌了.*119和120.*别进险处扒人/],
    ['有个人站在楼顶边上一直哭 喊他也不下来', /想轻生.*110和120/],
    ['大棚里摘辣椒的刘婶晕倒了 身上滚烫 一点汗都没有', /中暑.*阴凉处/],
    ['老刘在田里打药 这会儿吐了还头晕站不住', /误服农药/],
    ['锅里的开水泼了 小孙子胳膊烫起一大片泡', /烫伤.*凉水冲/],
    ['俺娘有糖尿病 低血糖犯了 直冒冷汗 手哆嗦', /低血糖.*糖水.*叫不醒就别喂/],
    ['俺爸血糖低 直冒虚汗 手抖', /低血糖.*糖水/],
    ['地里锄草的老张叫雷打着了 趴那不动', /雷击.*不带电.*按压胸口/],
    ['超市门口那辆车里锁着个娃 哭得满头汗 车主不知道去哪了', /锁在车里.*砸开离孩子最远的车窗/],
    ['后坡那道裂口越扯越长 坡底下住着老两口', /山体开裂.*撤到远离山坡/],
    ['表弟玩炮仗把手炸伤了 血直往外冒', /炸伤.*按住伤口止血/],
  ])('%s', (text, advice) => {
    expect(said(text)).toMatch(advice)
  })

  it('the kind the words name comes first: a gas bottle on fire is a fire', () => {
    expect(said('饭店后厨煤气罐着火了 火苗子窜老高')).toMatch(/^@?.*着火请立即拨打119/)
  })

  it('a smell of gas with no named danger gets the gas advice, not the injury one', () => {
    expect(said('二单元一股子煤气味 敲三楼的门冇人应 里头住个老太太')).toMatch(/燃气泄漏.*别开关电器/)
  })

  it('a cry with nothing to go on gets advice that is right whatever it is', () => {
    expect(said('快来人啊 救命啊')).toMatch(/^情况紧急请立即拨打110\/119\/120/)
  })

  it('every first line is short enough to read on a phone', () => {
    for (const text of ['孙女吃糖豆卡住了 小脸憋得通红 咳不出来', '红薯窖里下去俩人 半天没动静了', '快来人啊 救命啊']) {
      expect(said(text).length).toBeLessThanOrEqual(80)
    }
  })
})
