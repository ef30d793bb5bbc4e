// Realistic, varied appeal bodies for load tests. Request n always yields the same body (a unique clientKey
// included), so a request can be re-sent verbatim. Texts are assembled from several phrase lists, rotated so that
// recent appeals of the same grid + category + place never share a phrase (see appealBody): the server links a new
// appeal to a very similar open ticket in its grid + category, which would turn creates into links.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const categories = [
  'safety', 'environment', 'infrastructure', 'livelihood', 'economy',
  'civility', 'party', 'enforcement', 'property', 'other',
] as const
export type BenchCategory = (typeof categories)[number]

export type Grid = { code: string; name: string; places: string[] }

type CountyJson = { areas: { code: string; name: string; kind: string; places?: string[] }[] }

/** The demo county's grids (kind === 'grid') with their place names. */
export function demoGrids(root: string): Grid[] {
  const county = JSON.parse(readFileSync(join(root, 'data/demo/county.json'), 'utf8')) as CountyJson
  const grids = county.areas.filter((a) => a.kind === 'grid').map((a) => ({ code: a.code, name: a.name, places: a.places ?? [] }))
  if (grids.length === 0) throw new Error('data/demo/county.json 中没有网格（kind === "grid"）')
  return grids
}

const problems: Record<BenchCategory, string[]> = {
  safety: ['有陌生人半夜撬电动车', '路边电线垂下来快碰到人', '几个小年轻天天聚众打牌吵架', '消防通道被杂物堵死', '有人在河边电鱼', '变压器旁边堆了一堆柴火', '夜里总有摩托车飙车', '液化气罐放在楼道里', '围墙裂缝越来越大', '池塘没有护栏也没警示牌', '烟花爆竹在民房里私自存放'],
  environment: ['垃圾堆了好几天没人清运', '有人往沟里倒污水发臭', '烧秸秆烟呛得睁不开眼', '工厂排的水颜色发黑', '死猪扔在水渠里', '露天烧塑料味道刺鼻', '水塘里漂满了白色泡沫', '养殖场粪水直排进田里', '建筑渣土随便倾倒', '饭店油烟熏得邻居不敢开窗', '河道里网箱养鱼水都臭了'],
  infrastructure: ['路灯坏了一整排', '水泥路塌了个大坑', '自来水管爆裂往外冒水', '桥上护栏松动摇晃', '下水道井盖丢了', '排水沟堵住一下雨就淹', '广场健身器材断裂', '电线杆歪得厉害', '自来水发黄有铁锈味', '网络信号差打不通电话', '村里的小桥被大水冲垮一半'],
  livelihood: ['独居老人好几天没见出门', '低保材料交上去没有回音', '医保卡报销一直办不下来', '孩子上学的校车取消了', '残疾人补贴这个季度没到账', '冬天停暖气屋里太冷', '困难户房顶漏雨没人管', '高龄津贴申请被退回', '卫生室常年缺常用药', '留守儿童放学没人接', '临时救助申请半个月没消息'],
  economy: ['合作社拖欠果农货款', '务工工资被包工头拖着不给', '大棚蔬菜滞销烂在地里', '小微企业贷款申请卡住了', '返乡创业补贴不知道找谁', '流转土地的租金迟迟不付', '招工信息发了没人对接', '种粮补贴比去年少了一半', '农产品收购压价太狠', '电商培训报名没人组织', '扶贫车间停工工人没活干'],
  civility: ['红白喜事大操大办攀比成风', '有人在公共场所乱贴小广告', '狗不拴绳吓着小孩', '广场舞音响开到半夜', '高空往楼下扔垃圾', '乱搭乱建占了公共绿地', '邻里为宅基地吵得很凶', '有人在墙上乱涂乱画', '天价彩礼把人家逼急了', '公共长椅被人拆走', '赌博的人晚上在空房子里聚'],
  party: ['村务公开栏好久没更新', '党员活动室一直锁着', '集体收入的账目没有公示', '村干部选举程序有疑问', '惠农资金发放名单没张贴', '党员学习材料发不到手', '村民代表会议没通知到', '集体土地出租没开会商量', '困难党员慰问漏了人', '村规民约修改没征求意见', '村里的扶贫项目没有公开招标'],
  enforcement: ['黑加油点在路边卖散装油', '超载货车天天压坏村道', '小作坊无证生产食品', '有人非法采砂挖河床', '农资店卖的种子是假货', '无证诊所给人打吊针', '菜市场缺斤短两没人管', '过期食品摆在货架上卖', '违规占用耕地盖厂房', '非法营运的面包车拉学生', '有人私自屠宰生猪往外卖'],
  property: ['物业电梯坏了一个星期', '小区门禁常年敞开', '物业费涨了没开业主会', '地下车库漏水泡了车', '楼道灯全不亮', '绿化带被改成停车位', '物业不处理楼上漏水', '维修基金怎么用的没公示', '充电桩装好了一直不通电', '保安晚上不见人影', '物业把公共用房租出去开店'],
  other: ['想咨询宅基地确权怎么办', '户口迁移手续不清楚找谁', '养老保险断缴了能不能补', '村口公交站牌被撞倒', '想申请修一条通组路', '快递点关了取件不方便', '老年食堂什么时候开', '身份证丢了补办要去哪', '想给村里捐一批图书', '不知道怎么开无犯罪证明', '想问问农村医保今年交多少钱'],
}

const details = ['我和邻居都看到了', '隔壁大爷专门打电话给我', '放学的孩子天天路过', '拍了照片发在群里', '跟村里口头说过一次', '打过热线没人回', '在外地打工的家人也着急', '前几年也出过这事', '开小卖部的老板也反映过', '有好几户是老人独居', '周末赶集人特别多', '快递车也进不来', '村医也说这样不行']
const spots = ['路口', '门口', '巷子里', '水塘边', '广场旁边', '公厕附近', '停车场', '菜地边上', '桥头', '围墙外', '小卖部对面', '垃圾站旁', '后面那条街', '老房子边']
const times = ['已经三天了', '从上周开始就这样', '这半个月一直没好', '一到晚上更严重', '今天早上刚发现', '好几个月了', '前天下雨以后', '从过年到现在', '昨天夜里', '这两天', '连着好几个星期', '入冬以后']
const impacts = ['老人孩子出门很不方便', '大家意见很大', '影响周边十几户人家', '存在很大安全隐患', '晚上根本睡不好觉', '就怕出事故', '耽误了干农活', '群里好几个人都提过', '外地亲戚来了都笑话', '上班上学都绕远路', '生意都受了影响', '家里老人急得吃不下饭', '外来车辆经常堵在那', '晚上路过心里发毛', '小孩子差点摔了']
const asks = ['麻烦网格员来看看', '希望尽快处理', '请村里帮忙协调', '能不能安排人修一下', '盼早日解决', '请相关部门管一管', '急等回复', '谢谢领导重视', '请给个说法', '希望有人回个电话', '拜托早点安排', '等着你们的消息', '希望这次真能落实', '辛苦跑一趟', '请派人现场看看', '别再拖了', '能否给个处理时间']
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const given = ['秀英', '建国', '桂兰', '志强', '海燕', '德明', '春花', '国庆', '丽娟', '长林', '玉梅', '小军', '淑芬', '红旗', '爱华', '永福']

/** A cheap integer scramble, so consecutive counters pick unrelated list entries. */
function mix(n: number, salt: number): number {
  let x = (n ^ Math.imul(salt, 0x9e3779b1)) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0
  return (x ^ (x >>> 16)) >>> 0
}
const pick = <T>(list: readonly T[], n: number, salt: number): T => list[mix(n, salt) % list.length]!

export type AppealBody = {
  clientKey: string
  intent: 'appeal'
  category: BenchCategory
  text: string
  place: string
  gridCode: string
  reporter: { name: string; contactId: string }
}

/** Body of request number n (unique clientKey `${runId}-${n}`). */
export function appealBody(runId: string, n: number, grids: readonly Grid[]): AppealBody {
  const grid = grids[n % grids.length]!
  // Categories advance once per full round of grids, so every grid sees every category.
  const category = categories[Math.floor(n / grids.length) % categories.length]!
  // The k-th appeal of this grid + category goes to place k mod P; the j-th appeal of that place takes entry
  // (j + offset) mod L of each phrase list. Lists have 11 to 17 entries, so any eleven consecutive appeals of one grid +
  // category + place share no phrase (the server compares with the newest 50 open tickets of a grid + category,
  // and the demo grids have 5+ places, so at most ten of those have the same place).
  const k = Math.floor(n / (grids.length * categories.length))
  const place = grid.places.length ? grid.places[k % grid.places.length]! : grid.name
  const j = Math.floor(k / Math.max(1, grid.places.length))
  const seed = n % (grids.length * categories.length) + 97 * (k % Math.max(1, grid.places.length))
  const part = <T>(list: readonly T[], salt: number): T => list[(j + mix(seed, salt)) % list.length]!
  const text = `${place}${part(spots, 2)}${part(problems[category], 3)}，${part(times, 4)}，${part(details, 10)}，${part(impacts, 5)}，${part(asks, 6)}。（第${n}条）`
  const name = `${pick(surnames, n, 7)}${pick(given, n, 8)}`
  return {
    clientKey: `${runId}-${n}`,
    intent: 'appeal',
    category,
    text,
    place,
    gridCode: grid.code,
    reporter: { name, contactId: `wxid_bench_${mix(n, 9) % 20_000}` },
  }
}
