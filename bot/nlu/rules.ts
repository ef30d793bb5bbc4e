import { provinceNames } from '../../server/contract/places.ts'
import { appealWords } from './lexicon.ts'

// Rules where rules are right: danger to life now must never be missed, and some messages plainly are not
// requests (it is fixed already, it happened on television, it is a drill or a reminder).

export type EmergencyKind = 'fire' | 'drowning' | 'violence' | 'gas' | 'accident' | 'missing' | 'flood' | 'medical'

/** Who is hurt when a vehicle pins or a dog goes for someone: any person, 孩儿 and bare 人 included. */
const victim = '孩|娃|伢|妞|妮|丫头|孙|闺女|儿子|小子|学生|老人|老太|老头|老汉|人'
/** What grows in the fields, which floods drown too ("芝麻淹死一半了"): a loss to report, not a person in the water. */
const crops = '芝麻|庄稼|苗|麦|玉米|花生|豆|菜|秧|稻|棉花|红薯|瓜'
/** Family by how they are called at home (俺哥, 他娘): hurt by a bull as much as a child is. */
const kin = '(俺|我|他|她|恁)(家)?(哥|姐|弟|妹|叔|婶|爹|娘|爸|妈|爷|奶|伯|舅|姨|嫂|男人|媳妇|老伴)'
/** Who goes missing: children, old people, family by what they are called at home (俺娘, 妞儿, 伢). */
const person = '孩子|娃|伢|小孩|小子|丫头|妮儿|妞儿?|妮子|学生|老人|老太太?|老头|老.头|老爷子|闺女|儿子|孙女|孙子|外孙女?|侄(子|女|儿)|外甥女?|俺娘|俺爹|我妈|我爸|奶奶|爷爷|姥姥|姥爷|婆婆|公公|老伴'

/** Flames leaping high (火蹿好高, 火苗子窜老高), not in a stove, a pan or a bonfire. */
const fireLeaps = '(?<!(灶|炉|锅|篝火|烤|炭|蜡|灯)[^，。！!\\s]{0,4})火(苗)?(子)?(蹿|窜)(得)?(好|老|很|多|那么)?高'
/** Full of smoke (楼道里全是烟, 满是黑烟), not of its smell or of cigarette ends and ash (全是烟头): a fire's sign, strong in a stairwell. */
const smokeFilled = '(全是|都是|满是)(黑|浓)?烟(?!味|头|蒂|盒|灰)'

const emergencies: Array<[EmergencyKind, RegExp]> = [
  ['fire', new RegExp(String.raw`(?<!打不?)着火|(几楼|哪家|哪户|谁家)(又)?着(火)?了|(楼道|楼梯间?|走廊)(里)?${smokeFilled}|起火|失火|火灾|(?<!一|(娃|孩子|小孩|身上|额头)[^，。！!\s]{0,3})烧起来|(黑烟|浓烟|烟)[^，。！!]{0,6}(下不去|出不去|下不来|出不来)|烧着了|房子?烧了|烧房子|火烧(房|屋|起来)|(草垛|柴火垛?|麦秸垛|秸秆垛|仓库|厨房|车|油锅|锅|灶|屋|房|棚)(子)?(着|烧)了|(草垛|柴火垛|麦秸垛|秸秆垛|仓库|棚)(子)?(叫|被|给)?点着了|(塑料|垃圾|废品|木头|木料|轮胎|纸箱|纸壳|干草|稻草)(堆|垛)?(子)?[^，。！!\s]{0,2}着了|火(窜|蹿|烧|引)(到|上)|火[^，。！!\s]{0,4}(刮|吹|窜|蹿|燎)(到|进)[^。！!]{0,10}(林|树|房|屋|村|院|垛|山|坟)|(麦|稻|玉米|苞谷|油菜|庄稼|荒)?(地|田)(里)?着了|(山|林子|树林|麦场|场院|山坡)(上)?(都|也|全)?着了|(山|林|坡|岭|岗)(子)?[^，。！!\s]{0,3}(起|冒)(了)?(大|黑|白|浓)?烟|(山|林|坡|岭|岗)(子)?[^，。！!\s]{0,3}烟[^，。！!]{0,3}(是不是|是|怕是|像是|好像)?着(火)?了|(后院|院里|院子|屋里|屋后|厨房|仓库|楼道|隔壁|后头|房顶|屋顶)[^，。！!\s]{0,3}冒(黑|浓)烟|冒(黑|浓)?烟[^。]{0,8}${fireLeaps}|${fireLeaps}[^。]{0,8}冒(黑|浓)?烟|烧过来了|烧(到|进)[^，。！!]{0,6}(林子|树林|房|屋|村|坟地|山)|(^|[\s，,])越烧越(大|旺|近)|(?<!炉子?|炉火|灶火?|煤球|灯)着起来了|火[^，。！!]{0,3}(往|朝)[^，。！!]{0,4}(这边|这儿|俺家|我家|村里)(烧|窜|蔓延|来)|(弄|扑|浇|打)不灭|灭不了|已经(有|冒)火苗|(冒(黑|浓)?烟|(?<!睡|找|看|急)着(火)?了|起火|烧起来)[^。]{0,20}(${person}|人)(还|都)?(在|困在|关在)(里头|里面|屋里|里边)(?!吗|不|没)|有(个)?人[^，。！!\s]{0,3}点(了)?(俺|我|咱)(们)?家的?(柴火|草垛|麦秸|秸秆|麦垛|房|屋|车|仓库|棚)`)],
  ['drowning', new RegExp(String.raw`(塘|河|水库|湖|江|渠|坑)[^。]{0,16}下去[^。]{0,4}(没|冇)上来|(塘|河|水库|湖|江|渠|井)里(还)?有(个)?人[\s，,！!]*(快|救)|落水|溺水|掉(进|到)?(了)?(水|河|塘|坑|井|水库|池塘|粪池|渠|沟|江|湖|池子|水池|鱼池|泳池)|(?<!(${crops}|鸡|鸭|鹅|猪|羊|牛|蜂)[^，。！!]{0,4})淹(着|住|死)了?人?|被水冲走|沉下去|人[^，。！!\s]{0,2}(漂|飘)(在)?(河|塘|水库|湖|渠|坑|沟|水)(里|上|面)|(河|塘|水库|湖|渠|坑|沟|水)(里头?|面上?|边上?)(漂|飘)(着(个|一个)?|个|一个|的是(个|一个)?)(人|小孩|孩子|娃|伢|老人|老头|老太)|在水里扑腾|(水库|塘|河|坑|湖)[^。]{0,12}(洗澡|游泳|玩水|凫水)[^。]{0,12}(少了(一|1|一)个|回来的少|没(回|上)来)`)],
  ['violence', /(正|还)?在[^，。]{0,8}砸(东西|门|玻璃|家)|砍人|杀人|捅人|捅了(?!它|个?(窟窿|娄子|马?蜂窝))|持(刀|械)|(拿|掂|拎|提|抄)(着|起)?[砍菜长尖]?刀(?!削|切|剁|片)|(砍刀|菜刀|匕首|钢管|棍棒).{0,6}(打|砍|追|冲|砸)|动刀|砸(车|店|窗户?|玻璃)|拦(路|车)[^，。]{0,3}(要|抢)钱|拿(着)?(棍|斧|铁锹|锄头)(子)?打|(拿|抡|抄|举|掂)(着|起)?(板凳|凳子|椅子|棍子|棒子|砖头?|酒瓶子?)(砸|打|抡)(?!核桃|钉|蒜|冰|门|墙|锁|人家)|又(在)?(打|揍)(俺|我|他|她)的?(妈|娘|媳妇|老婆|婆娘|奶|爷|爸|爹)|打(死|伤)人|往死里打|打得?(头破血流|流血|满脸是血)|头破血流|满脸(是|都是)血|血流不止|(头|脸|身)上?[^，。]{0,3}(淌|流|冒|直流)血|拿着?[^，。]{0,6}(?<!剪|指甲|刮胡|铅笔|卷笔|美工|水果)刀(?!削|切|剁|片)|在打人|(棍|棒|刀|铁锹|锄头|砖|挨了|上门|打起来|打架)[^。]{0,30}还在(打|动手)(?!牌|麻将|电话|工|球|游戏|针|药|疫苗|字|卡|扑克)|(几|十几|好几|一群|一帮)十?个?人[^，。]{0,8}(打(?!不通|电话|工|算|听|牌|麻将|球)|拿着?(棍|刀|铁锹|铁锨|锄头|砖))|(俩人|两人|两个人|他俩|他们俩)[^，。]{0,10}(都)?(拿|抄|掂|举)(起|着)?(了)?(铁锨|铁锹|锄头|棍|刀|斧|砖)|打起来[^。]{0,12}(锄头|铁锨|铁锹|棍|刀|斧头?|砖头?|扁担|钢管)(子)?(都|也)?(抡|举|挥)(上|起来?)?了|打(他|她|俺|自己)?(家)?(的)?(老婆|媳妇|孩子)|家暴|(?<!得|要|该|能|去|就|不)砸门|(一伙|一帮|一群|几个|好几个|十几个)人[^，。！!]{0,10}砸(门|窗|玻璃|东西|车|店|家|房|俺|我)|砸(俺|我|咱)(们)?家(的)?(大)?门[^。]{0,20}(不敢|还在|正在)|(有贼|进贼|小偷|偷东西的)[^。]{0,20}(还|正)(在|搁)(里头|里面|院里|院子里|屋里|家里|楼上)(?!吗|不|没)|抢劫|抢(了)?(我|俺|咱|人|她|他)(的|家)?[^，。！!\s]{0,3}(包|手机|钱|金?链子|项链|耳环|镯子)[^。]{0,3}(跑|溜|骑)|绑架|撬(锁|门|窗)[^。]{0,40}(快(过)?来|110|报警)|有人(正|还)?(在|搁)[^，。！!\s]{0,3}(?<!偷)偷(?!偷|着|吃|看|拍|懒|摸|排|挖|砍|伐|倒|开|卖|听|跑)|有人(偷|头)(俺|我|咱)?(家)?的?(牛|羊|猪|驴|马|车|三轮|电瓶|摩托)[^，。！!]{0,4}(正|还在)|有人[^，。！!\s]{0,2}撬(俺|我|咱)(们)?(家)?[^，。！!\s]{0,3}(门|窗|锁)[^。]{0,10}(人还在|人就在|还没走|还在(撬|院|屋|门口))|(有人|有个人|有俩人|俩人|两个人|几个人|一伙人|一帮人|一个男的)((正|还)?在撬|(正|还)?在?(踹|砸))[^，。]{0,4}(门|窗|锁)/],
  ['gas', /(煤气|燃气|天然气|液化气|沼气)(罐|管)?(子)?(还在|还|又|一直|老是|好像|像是|在)?(泄漏|泄露|漏了|漏气|呲呲|嘶嘶|味(道)?很?(大|重|浓))|闻到(一股)?(煤气|燃气|天然气|液化气)|(臭味|味)[^，。]{0,6}(跟|像)(是)?(煤气|燃气|天然气)|漏气了|罐子?[^，。！!]{0,3}(呲呲|嘶嘶|哧哧)[^，。！!]{0,3}(往外)?(漏|冒|喷)|(一开门|一进门|进屋)[^，。！!]{0,3}(全是|都是|一股)臭鸡蛋味|(臭鸡蛋味|煤气味|气味)[^。]{0,12}(灯|电|开关)(都)?不敢(开|按|碰)|(整栋楼|满楼|楼道里?|满屋子?|一屋子|屋里|厨房里?)[^，。！!]{0,4}臭鸡蛋味|臭鸡蛋味[^。]{0,12}(灶|阀门?|气罐|煤气|燃气|天然气)|(嗤嗤|呲呲|嘶嘶|哧哧)[^。]{0,16}臭鸡蛋味|臭鸡蛋味[^。]{0,16}(嗤嗤|呲呲|嘶嘶|哧哧|罐子?[^，。]{0,3}漏)/],
  ['accident', new RegExp(String.raw`(桥|路|房|墙|楼梯|楼板|屋顶|房顶|楼顶)(面|子)?(塌|倒)(了|下去).{0,10}(车(?!轮|轱辘|印)|人|下不来|出不来)|(车|人).{0,4}掉(下去|进)|(机子|机器|收割机|脱粒机|粉碎机|搅拌机|绞肉机|皮带|滚筒|传送带)[^。]{0,10}把[^，。！!\s]{0,4}(${victim}|胳膊|胳臂|手|腿|脚|头发|袖子|衣服)[^，。！!\s]{0,4}(卷|绞|轧|扯)(进去|住|断)|(${victim})(子|儿|头|们)?(不小心|一下|给|又|也)?掉(下去|进)|(有(个|辆|一辆|一个)|(塌|陷)[^。]{0,12})(车|人)[^，。！!\s]{0,3}栽(进|下)去了|(轧|碾)(住|着|倒|伤|死)(了)?(${victim})|(头|脑袋|手|脚|腿|胳膊)(被)?卡(在|进|到)?[^，。！!\s]{0,5}(里|缝|中间)(了|头|出不来|拔不出来|拿不出来)|(塔吊|脚手架|吊车|大棚|屋顶|房梁)(倒|塌|砸)|(地窖|粪池|沼气池|井)里.{0,10}(没上来|没动静|晕)|(困|关|卡)在?电梯(里)?|电梯[^。]{0,6}困(了|住)(俩|仨|两个|三个|几个|[\d一二三四五]+个)?人|电梯(里)?(困|关|卡)(住|了)?人|(车|三轮|拖拉机|铲车|叉车)[^。]{0,8}把[^，。]{0,8}(${victim})[^，。]{0,2}(挤|夹|压|碾)|(狗|金毛|藏獒|狼狗)[^，。]{0,10}扑(孩|娃|伢|小孩|学生|老人|人)|狗[^。]{0,20}(${victim})[^。]{0,12}(扑倒|咬了(好几|几|两|三|好多)口|咬住不(放|松))|电梯里[^，。！!]{0,3}(还)?有人(没|出不)|没上来|被(困|压|埋)在|电线.{0,8}(冒火|打火|掉在水|掉地上)|(高压线|电线|电缆)[^，。]{0,6}(断|掉)(了)?[^。]{0,10}(路上|地上|水里|冒火)|(?<!网)(电线杆|电杆|高压线|电线)[^。]{0,16}(?<!网)线(都|也)?(搭|耷拉|拖|垂|落)(在|到)[^，。！!\s]{0,3}地上|地面?(裂开|陷下去|往下陷|塌陷)|放火|纵火|被狗咬.{0,6}(孩子|娃|流血)|狗[^，。！!]{0,4}把[^，。！!\s]{0,4}(${victim})[^，。！!\s]{0,3}咬(了|伤|住|破|烂)|见人就(咬|打|砍|捅)|狗[^，。！!]{0,4}疯了[^。]{0,12}(咬|扑)|狗[^。]{0,30}(正|还)(在)?(撵|追)着[^，。！!\s]{0,4}(${victim})[^，。！!\s]{0,3}咬|(牛|驴|马|骡子|猪)[^。]{0,24}把[^，。！!\s]{0,5}(${victim}|${person}|${kin})[^，。！!\s]{0,2}(顶|踢|拱|踩)(到|倒|翻|伤|飞|在)|(牛|驴|马|骡子)[^。]{0,8}(顶|踢)(${victim})(呢|哩|嘞|了|啦)|狗[^，。！!\s]{0,4}咬(着|住)(了)?(${victim})(子|儿)?(了|啦|呢|哩)|咬伤(了)?[一二两俩仨三几好\d]|马蜂.{0,8}(蛰|叮)|(一群|一窝)(马)?蜂[^，。]{0,4}追|肿得[^。]{0,8}(眼|眼睛)(都)?睁不开|下去[^。，\s]{0,3}(就)?没(了)?动静|(积水|水里|水坑)[^。]{0,6}线[^。]{0,6}(打火|冒火)|风[^，。]{0,2}(把|被)?[^，。]{0,3}(房顶|屋顶)(给)?(掀|刮)(了|跑|飞|走|掉)|(撞|翻|冒(黑|浓)?烟|着了)[^。]{0,20}(里头|里面|车里|底下)(还)?有(个|一个|俩|两个|几个)?(人|小孩|孩子|娃|伢|学生|老人)(?!吗|不|没)|煤(炉|气)中毒|(头晕|恶心).{0,6}(煤炉|炉子)|车.{0,4}翻(了|到沟)|车祸|(校车|客车|公交车|大巴)[^，。！!]{0,8}撞|撞(了|上了)[^。]{0,8}(车上|车里)(都|还)?(是|有)[^，。！!]{0,6}(人|伢|孩子|学生|娃)|撞(人|车|了人|倒了?人|死)|撞(了|倒|伤)(了)?(好几|几|两|三|一|俩|仨)个(人|学生|孩子|娃|伢|老人|小孩)|翻车|(被|让)车(给)?撞(?!歪|坏|断|弯|瘪|倒了?(杆|牌|墙|树))|触电|漏电[^。]{0,12}(人|他|她)[^，。！!\s]{0,3}(倒|趴|躺|不动)|(漏电|电着|触电)[^。]{0,16}不敢碰|(电|电线|线|电门|电闸|铁门|插座)[^。]{0,24}(被|叫)?(电)?打住了|(电|电线|线|电门|电闸|插座)[^。]{0,24}(撒|松|甩)不开手|(?<!(鱼|虾|苗)[^，。！!\s]{0,2})电(倒|死|着)了?人?|(房|墙|屋顶|楼)(子)?(塌|倒)了?.{0,6}(压|砸)|压(住|在下面|死)了?人|(砸|压)(着|住|伤|倒)了?(一个|个|人|孩子|老人|骑车的|过路的)|人(还|被)(压|困|卡|埋)(着|住|在)|(压|困|卡|埋)(在)?(底下|下面|里面|里头)|埋(住|着)了?(个|一个|俩|两个|几个)?(人|半截|半个身子)|(要|快)塌[^。]{0,12}(屋里|里头|里面)(还)?有人(?!吗|不|没)|(底下|下面)还有(个)?人(?=[\s，。！!]|$|呢|没|埋|压|困)|(房|屋|房子|窑洞?)[^，。]{0,6}塌了[^。]{0,24}(里头|里面|屋里|在不在家|有没有人|有人|住(那|这))|坠楼|跳楼|跳河|摔(下来|下去).{0,6}(不动|昏|流血|起不来|爬不起来|站不起来)|爆炸(?!头|性)|(罐|锅炉|煤气|气罐|电动车|电瓶|手机|充电宝|鞭炮|烟花|炮仗|厂|房子?)[^，。]{0,6}(?<!冻)炸了|(电瓶车|电动车|电瓶|充电宝|锅炉|气罐|煤气罐)[^，。]{0,4}爆(了|炸)`)],
  ['medical', /要生了|(好像|看着|看见|看到|发现|一看)[^，。！!]{0,6}(躺|倒|趴)(在)?[^，。！!\s]{0,2}地(下|上)(?!睡|玩|打滚|晒|歇)|(跌|摔)(倒|了|一跤)[^。]{0,8}(起不来|爬不起来|动不了|站不起来|不动了|不会动)|来(个)?人[^。]{0,10}(跌|摔)(倒|了)|(跌|摔)倒了[^。]{0,6}(来(个)?人|救)|(?<!开门|开盘|股票)见红(了|啦)|烫(伤|起)|烧伤|背过气|(被|叫|让)[^，。！!\s]{0,6}蛇(给)?咬(?!过)|蛇咬(了|伤)|羊水破|早产|难产|晕倒|昏倒|(?<!快|要|差点|差一点|气)晕(过去了|在?(地|田|路|屋|院)(里|上|边|头)了|在(厕所|路边|车上|车里)了)|昏迷|不省人事|叫不醒|(叫|喊)(他|她)?(也|都)?不行了|(叫|喊)(他|她|人)?(半天)?(也|都)?不(应|答应|醒)|(?<!(车|车子|胎|轮胎|车胎|轱辘|球|气球|皮球)(的|又|也|都)?)没(了)?(呼吸|气|心跳)|口吐白沫|抽搐|(伢|娃|孩子|小孩|孩儿|宝宝)(子|儿)?(突然|又)?抽(筋|风)了|发(高)?烧[^，。！!\s]{0,3}抽(风|筋|搐)|喝(了)?(农)?药(?![^，。！!\s]{0,2}(不见|没见|不管用|没用|见好|见轻|好了|好多了|就好))|农药瓶[^，。！!]{0,8}喝了|喝了[^，。！!]{0,4}农药|吃(了)?(老鼠药|安眠药|农药)|误(吃|服|喝)|(吞|吃)了.{0,6}(药片|药丸|一板|一瓶)|(吞|吃)了一把[^，。！!\s]{0,4}药|(?<!会|能|易)中毒|上吐下泻|大出血|(?<!气(的|得)(我|俺|人)?)(心口|胸口)(疼|痛|闷得?(厉害|慌|喘不))|(?<!(呛|熏)(的|得|哩|嘞)(人|俺|我)?)喘不上(气|起)|(?<!嗓子[^，。！!]{0,6})说不出来?话|嘴(也|都)?歪|半边身子(动不了|不能动|没知觉)|舌头(发)?(硬|大)了|心脏病(犯|发)|脑(出血|梗)|中风|(?<!(机|车|脑|池|瓶|箱|调|鞋|网|店|厂|手)[^，。！!\s]?)快不行了|人已经不行了|(活够了|不想活)[^。]{0,16}(农药|锁|绳|刀|河|楼顶|关机)|(活着没意思|不想活了?|活够了)[^。]{0,20}(遗言|快去(看|找)|在哪)|(农药|绳子|刀)[^。]{0,16}(活够了|不想活)|(说|留)[^。]{0,4}(再见|永别|遗言)[^。]{0,16}(电话|手机)[^。]{0,3}(不接|关机|打不通)|(抱|拿|攥|握)着[^，。]{0,3}农药(瓶)?[^。]{0,12}(就喝|要喝)|农药(瓶)?(子)?(也)?(拿|带)进(屋|去)|(吃|喝)[^。]{0,10}(好几|几|七八|十几|一|全)(桌|家)(人|子)?[^。]{0,4}(开始|都|全)[^。]{0,2}(吐|拉肚子|上吐|恶心)|(炭|煤炉|炉子|火盆|炭盆|烤火|煤球)[^。]{0,20}(都在吐|吐了|倒了[俩两几一]|[俩两几]个?人?(都)?倒了|晕(了|倒|过去)|(站起来|起身)就倒)|(要|想)(跳楼|跳河|喝药|寻死)|(?<!鱼?刺)(卡|噎)(住|在)?了?(嗓子|喉咙|气管|嗓子眼)|(坐|站|蹲|爬)(在)?[^，。！!\s]{0,4}(楼顶|顶楼|天台|楼沿|窗台|桥栏杆|栏杆外)[^。]{0,16}(哭|不下来|要跳|搭(在)?外)|一头(栽|倒)(在|到)?[^，。！!]{0,3}(地|田|沟)|(喊|叫)(了)?(他|她|人)?(几声|好几声|两声|半天)?(也|都|半天)?(没|不)(有)?(动静|反应)(?![^。]{0,8}(不在家|没在家|出门|没人在))|(一仰|一歪|一栽|一倒|倒下|倒地|栽倒|歪倒)[^，。！!]{0,4}(就)?(没(了)?(动静|反应|知觉)|不吭声了|没(了)?声(了|儿))/],
  // A person gone, not a thing: "俺家羊不见了" is for the grid worker, not for 110.
  ['missing', new RegExp(`走(丢|失)|失踪|(说|讲)[^，。！!\\s]{0,4}(中午|晌午|晚上|傍黑|天黑前|吃饭前)回来[^。]{0,16}(到现在|这会儿?|天(都)?(快)?黑)[^。]{0,12}(没回|冇回|打不通|联系不上|关机|没见人|不见人)|(回来|上车|点名)[^，。！!\\s]{0,3}少了(一|两|1|2)个(人)?(?=[\\s，,。！!]|$)|一(转眼|转身|眨眼|转头|扭头|扭脸|转脸|回头)[^，。！!\\s]{0,3}(没了|冇了|木了|没影|(?<!看|瞧|听)不见了|找不(着|到)了)|人(不见了|丢了|没影了?|找不(到|着)了)|(${person})(?!的)[^，。！？!?]{0,20}((?<!看|瞧|听)不见了|(?<!(证|证明|卡|本|单|钥匙|手机|钱包|服|套|衣|鞋|帽|包|皮|书|笔|伞|表|(扇|杯|袜|梳|镜|盆|篮|筷|瓶|盒|箱|袋|毯|被|裤|凳|椅|桶)子)(弄|给|搞|又)?)丢了(?!(个|一个|只|把|件|双|本|张|块)[^人娃孩])|(没|冇)(有)?([回会到](来|家)|影了?)|找不(到|着)(了|咧|嘞|啦))|(${person}).{0,30}(?<!(物业|客服|单位|公司|村里|镇里|办公室|热线|门卫|值班室|所|局|站|厅|部门|中心)的?)(电话|手机)(手表)?(也|都|一直)?(关机|打不通)|(${person})[^，。！!]{0,8}走散了|(${person})[^。]{0,20}[\\d一二两俩三四五六七八九十几半]+个?多?(钟头|小时)了?[^。，]{0,3}(还|都)?(不|没)(回来|回家|到家|见人)|(${person}).{0,30}(联系不上|联系不到)了|(被|让)人?(拐|抱|抢)走|拐走|找不(到|着)(孩子|娃|伢|老人|俺娘|俺爹|我妈|我爸)|找不(到|着)人了|(${person})[^，。！!]{0,3}没得了[^。]{0,6}找不(到|着)|一夜(没|冇)回|(脑子(不好使?|不清楚|有毛病|糊涂)|痴呆|智障|憨)[^。]{0,12}(跑了|跑出去|走丢|出去了|不见)|(出门|跑出去|出去)[^。]{0,12}(糊涂|痴呆|脑子不好|抑郁症)[^。]{0,12}(没|冇)(找着|找到|回来|回家)|(一夜|一宿|一天一夜|两天)了?[^。，]{0,3}联系不(上|到)|(糊涂|痴呆|脑子不好|抑郁症)[^。]{0,20}(出门|跑出去|出去)[^。]{0,12}(没回|找了|两天|一下午|一天|[\\d一二两三四五六七八九十几]+个?(钟头|小时))|(?<!要|想)离家出走了|(孩|娃|小孩|老人|老太|老头)[^。]{0,8}找不(着|到)家|(${person})[^。]{0,12}(出去|出门)[^。]{0,6}[\\d一二两三四五六七八九十几]+个?(钟头|小时)了?[^。]{0,6}(找不|没回|联系不上|不见)|(被|让)[^，。]{0,10}(人|男的|女的)(接|领|带)走了?[^。]{0,8}(根本|不认识|没见过)|放学[^。]{0,6}(没|还没|冇)(到家|回家|回来)[^。]{0,20}(点了|天黑|电话|没人接|打不通|找不)|(放学|上学|出门)[^。]{0,3}(到现在|这会儿|到这会儿?)[^。]{0,3}(都|还)?(没|冇)(到家|回家|回来)|(早上|一早|晌午|中午|上午|下午|天不亮)[^。]{0,6}出门[^。]{0,12}(到现在|到这会儿?)[^。]{0,3}(都|还)?(没|冇)(回来|回家|到家)|跟[^，。！!]{0,4}(不认识|陌生|不认得)的(人|男的|女的|男人|女人|车)走了(?![两几一半]?(步|段|会|圈|趟|路))|(跑|走)(出去|出门)了[^。玩耍]{0,10}(一整天|一天一夜|一夜|一宿)[^。]{0,8}(手机|电话)(也|都)?(没带|关机|打不通)|找遍了?(都)?(没|冇|找不)|(到黑|天黑|到这会儿?|到现在|一夜|一宿|半夜)[^，。]{0,3}(都|还)?(没|冇|不)见(人(?!来)|回)`)],
  ['flood', /还在涨[^。]{0,12}(出不来|走不了|困住|下不来)|(出不来|走不了|困住)[^。]{0,12}还在涨|(堤|坝)[^，。]{0,8}裂[^。]{0,12}越来越(宽|大|长)|桥墩(子)?[^，。]{0,4}(歪了|冲走|冲垮|塌了|断了)|桥面(在)?往下沉|桥面(都|在)?往下(沉|陷)[^。]{0,12}(水)?还在涨|(水库|坝|堤)[^，。！!]{0,6}(往外|往下)?(溢|漫水|漫过|渗|冒水|决|管涌)|水[^，。！!]{0,3}(到|淹到|没到|齐|漫到)(了)?(腰|胸|胸口|脖子|肚子|大腿)|(屋|家|房)里[^，。]{0,4}水[^，。]{0,4}(淹到|到|没到|齐|漫到)(了)?(膝盖|腿|腰)|水位[^。]{0,8}(往外漫|漫出来|漫过|漫了|溢)|(河堤|堤坝|大堤|堤)[^，。！!]{0,6}(塌|垮)下去|管涌|洪水|发大水|决堤|决口|溃堤|漫堤|溃坝|山洪|泥石流|塌方|(山|坡|崖)(上)?[^，。！!]{0,3}(滑|塌|冲)下来[^。]{0,10}(土|石头|泥)|(地基|路基|地面)(在)?(往下)?陷|塌了(个|一个)?大(洞|坑|窟窿)|(还在|一直)往下(陷|沉|塌)|(桥|路|堤|坝)[^，。！!]{0,8}(冲|塌|垮|断)[^。]{0,20}(快拦|拦住|还有(人|车)[^，。！!]{0,6}(往上|过|走|开))|水[^，。！!]{0,4}往.{0,4}(村|屋|家)?里?(灌|冲|涌)|河水(漫|涨)|(河|江|湖|塘|渠|洪)水[^，。！!]{0,2}倒灌|(河|渠|塘|水库|沟|江)[^，。！!\s]{0,4}水[^，。！!\s]{0,4}(一会儿|一下子|眼看着|蹭蹭|猛)[^，。！!\s]{0,3}涨|(河|渠|塘|水库|沟|江)[^。]{0,8}涨了(半米|一米|[\d一二两三几]+米)|(?<!(下水道?|排水|沟|渠|管子|管道|堵|雨水)[^。]{0,12})水漫(进|过|到)(了)?[^，。！!\s]{0,2}(院|屋|家|房|村|床)|水漫(进|过)|(房|屋|家)里(进|淹)水|水进(了)?(院|屋|家|房)|(堤|坝|河|渠)[^，。]{0,4}开(了)?口子|淹(了|到)(房|屋|家|村|路)|(崖|坡|坎|山体|山|堤|坝|挡土墙|土墙)[^，。！!]{0,4}(往下|在)(塌|垮|滑|溜|掉)|(土|泥|泥巴|石头)[^，。！!\s]{0,3}(都|全)?(推|冲|涌|灌|压)(到|进)(了)?[^，。！!\s]{0,2}(屋|房|灶屋|堂屋)|(困|围|蹲)在(房|屋|楼)(顶|上)|(四周|周围|四下)[^，。！!]{0,2}(全|都)是水|(来|派|弄|找)(条|只|艘|个)?(船|冲锋舟|橡皮艇)(?![^，。！!\s]{0,3}(钓|玩|游|看))|冲锋舟/],
]
/** Words that point at danger but also turn up in daily talk: an emergency only with an alarm or the model's agreement. */
const weak: Array<[EmergencyKind, RegExp]> = [
  ['fire', new RegExp(String.raw`(黑|浓)烟滚滚|${fireLeaps}|冒(大|黑|浓)?烟|${smokeFilled}|浓烟|冒火星|火(很|太|好)大|火苗|烟(很|太|好)大|一股焦味`)],
  ['missing', /(?<!看|瞧|听)不见了|找不(到|着)了?$|(大家|帮俺|帮我|帮忙)[^，。]{0,3}找(找|一下|一找)/],
  ['violence', /(打|干)起来了|打架|动手了/],
  ['accident', /(房顶|屋顶|房子|屋)(子)?塌了(?![^。]{0,6}(半|一间|个洞|一角|个窟窿))|摔(倒|下来)了|撞了|(刮|撞|碰)倒了|(躺|趴)(在)?地(上|下)[^，。！!]{0,3}不动|(都是|全是|一身|满身|满脸|满手)血|(直|一直|哗哗)(冒|流|淌)血|血(直|一直|哗哗)(流|冒|淌|往外)/],
  // A hole with no size to it may be a pothole: "塌了个坑 有半个车轮大".
  ['flood', /塌了(个|一个)?(洞|坑)/],
]
/** A fallen roof or wall to be mended ("屋顶塌了一半了……该给修修"), with nobody under it, hurt or fallen in. */
const collapsed = /(屋顶|房顶|房梁|墙|棚|房子?|屋)(子|顶)?[^，。！!]{0,3}(塌|倒)/
const repair = /(该|给|帮|来|找人|能不能|得|快)[^，。！!]{0,4}修(修|一下|一修|好|理)?|冬天咋过/
const trapped = /(压|埋|困|砸)(着|住|在|到|伤)|伤|出不来|下不来|(人|娃|孩子|老人)(还)?在(里头|里面|底下|下面)|叫不应|掉(下去|进)|车祸|翻车|撞/
/** Come and fix it, not come and save us: 快来人修一下, 快来人关一下阀. */
const chore = '处理|修|补|弄|管|看看|瞧瞧|瞅瞅|关|堵|拉|挪|搬|清|抽|量|调解|评理|说和'
/** Against the model alone: a call to mend or shut something ("快来人关一下阀"), not to look at a dyke that seeps. */
const choreCall = /快来(个)?人(修|补|关|挪|搬|清|抽)/
const alarm = new RegExp(`救命(?!恩人|之恩|稻草|价|钱)|(要|快)出人命(了|啦)|(快|赶紧|赶快)来人(?!${chore})|快救|来人啊|快报警|(赶紧|快|赶快)[^，。！!]{0,3}报(个)?警|(?<!(知道|学会|学着|记住|记得|懂得|教)[^，。！!]{0,8})打(个)?(110|119|120)|(110|119|120)[^，。！!\\s]{0,2}(打了没|叫了没|打了吗|打没打)|报警了?没|快(来|去)(?!领|看|买|抢|尝|拿|吃|喝|玩|瞧|围观|扶|撵|赶|接|牵|${chore}|人(${chore}))|快(叫|喊|找)(派出所|警察|救护车|医生)|(快|赶紧|赶快)[^，。！!]{0,6}撤|组织[^，。！!]{0,2}撤`)

/** After the event: paying, claiming, complaining (费用给报不报, 保险赔多少, 能办残疾证不, 小票还留着). */
const aftermath = /救助|狂犬疫苗|医药费|申请|残疾证|报销|报不报|给报|补报|费用|补助|赔(多少|不赔)|保险|理赔|材料|手续|投诉|小票|发票/
/** A swindler's story ("接了个电话说俺出车祸了要转钱"): the accident in it is the bait, not a danger. */
const scam = /骗子|诈骗|(要|让|叫)[^，。！!]{0,4}转(钱|账)/
/** Not a request for help now: past and fixed, somewhere else, or a reminder. */
const settled = /不醒[^。]{0,10}醒(了|过来了)(?!吗|没|[^。]{0,8}(又|不行|晕|抽|吐|说不出|歪|不认人))|(结果|后来)[^，。！!]{0,4}没(啥|什么)?事(?!吧|吗)|(已经|早就?|都|总算|终于)(修好|弄好|填好|补好|清理好?|拉走|处理好?|解决|灭了|扑灭|救上来|找到|没事|通了|好了)(?!吧|吗|没|不)|没事了(?!吧|吗)|(没|不是)(啥|什么)大?事(?!吧|吗|儿吧)|没大事(?!吧|吗|儿吧)|人(都|也)?(没|冇)事(?!吧|吗|没|不)|都(没|冇)伤着(?!吧|吗|没)|虚惊一场|(?<![还是])(没|不是)(着火|起火|失火)(?![^，。！!]{0,2}(吧|吗|呢|没))|灭掉了|(就|给|才)灭了|扑灭了|找着了|救上来了|(还好|好在|幸好|幸亏|多亏)(?!好|哪|什么|啥)|找(到|回来)了(?!吗|没)|要不是|后来(查|才|知道)|恢复得|出院了|(一家|一户|谁家|没人)[^，。]{0,2}(都|也)?没(淹|烧|伤|砸|冲)(着|到)|隐患|瞎传|谣言|辟谣|(消息|说法|视频)[^，。]{0,2}是假的|假消息|根本没(这|那)(回|个)?事|别(乱|再|瞎)?(往[^，。！!\s]{0,6}群里)?(转|传|信)/
const media = /【转】|\[转\]|^转[:：]|转[^，。！!\s]{0,4}(文章|帖子|链接)|电视(上|里)|新闻|网上(说|看|传|发|有)|抖音|快手|视频|(?<!发(了)?(个|条)?)朋友圈|报纸|谁转的|转发/
/**
 * Heard from someone: a story, unless it is a person missing (news of which reaches most people second-hand) or it is
 * happening now (`live`). "恁说是不是得砸门" asks the group what to do; it is not "说是".
 */
const hearsay = /听说|据说|听[^，。！!\s]{1,5}说|(?<!不)说是(?!不是)/
const far = new RegExp(`${media.source}|(看|刷|瞅)(到|着|见)?[^，。！!\\s]{0,3}(别的|其他|人家)?群里(说|发|有人说)|消防车(往|朝|从)[^，。！!\\s]{0,6}(去|开|过)|(南方|北方)(那边|那块)|(绕|换)(条|个)?(道|路)走|外地(有|发生|出)|别的(村|地方)(有|发生|出)|(隔壁|邻|外|别的)(省|县|市)|(他|她)们(那个|那)?(村|县|镇|乡|市|省)|(${provinceNames}|东北)(又|那边|那块|那里|发|有|出|遭)|(南|北|东|西)(边|方|面)(那个|那边的?)?(省|县|市)|国外`)
const elsewhere = new RegExp(`${hearsay.source}|${far.source}`)
/**
 * Told by someone of what is happening now, nearby ("刚听楼下大姐说……人还没拉上来", "听俺妈说三楼煤气漏了……快去看看"), or
 * by telephone or at a run from where it happens ("俺妮儿打电话说是她奶奶晕倒了", "孙子跑回来说"): the teller passes on a
 * danger to act on, not a story. Still not where the teller's people live ("表姐打电话说她们县发大水了").
 */
const live = /刚(?![才刚]?路过)|快(去|来)|赶紧|赶快|马上|立刻|(打|来)(了)?(个)?电话(来)?[^，。！!\s]{0,3}说|跑(回)?来说/
/** Not a person gone: no signal on the phone ("打电话都打不通"), a child's hat or bag not found. */
const notMissing = /信号|(收|买|卖|借钱|欠钱|包工|承包)[^，。！!\s]{0,3}的人[^，。！!\s]{0,2}(没影|不见了|找不(到|着))|(看到|看见|捡到|捡着)(了)?(一)?(个|只|把|顶|件|双|本)(?![^，。！!]{0,8}(穿|戴着|背着))[^，。！!]{0,8}(杯|包|帽|伞|鞋|衣|服|书|本|卡|证|钥匙|手机|玩具)|(老板|包工头|工头|开发商|承包的|中介|卖家|商家)[^，。！!]{0,4}找不(到|着)人|(的|孩子|娃|伢|孙子|孙女|闺女|儿子)[^，。！!]{0,3}(小黄帽|帽子?|鞋|书包|包|衣服?|外套|作业本?|课本|本子?|卡|证|钥匙|手机|玩具|水杯|杯子|伞)[^，。！!]{0,4}(找不(到|着)|不见|丢)/
const missingCalm = new RegExp(`${far.source}|${notMissing.source}`)
const reminder = /演习|演练|(看紧|看好|看住)(点|自家|孩子|娃|伢|小孩)|(防|预防)(溺水|火灾|火|电信诈骗)|注意(防火|安全|防溺水)|消防(知识|安全|培训|宣传)|安全(教育|提醒|知识)|严禁|不要(下河|玩火|游泳)|提醒大家|互相提(个)?醒|提个醒|(一定要|千万)[^。！!]{0,8}(通风|注意|小心)|(别|白)[^，。]{0,3}(中毒|着火|掉下去)了|注意(开窗|通风)|(汛期|雨季|梅雨季)(到了|来了)/
const howTo = /(万一|如果|要是|假如)[^。！!]{0,16}(怎么办|咋办|咋整|咋弄|往哪(跑|躲|逃))|应该怎么|要注意什么|如何(预防|防止|处理|应对|避免)|(万一|如果|要是|假如)(突然|遇到|碰到|发生|有人|看见|看到|见到)|(多长时间|多久|啥时候)(能|可以|才能)(报警|报案|立案|申请|办)|时候[^，。]{0,6}(能不能|该不该|要不要|该咋|咋办|中不中|行不行)|(?<!刚)(遇到|碰到)[^。！!]{0,8}(可以|能|该|应该)(找谁|去哪)|(?<![正还])要有人[^。！!]{0,12}(咋办|咋弄|咋整|怎么办)|(遇到|碰到|遭遇)(?![^。！!]{0,8}了)[^。！!]{0,10}(去哪|找谁|哪里)(求助|反映|报)?|的话[^，。]{0,3}(能|可以|该|要|咋|怎么|去哪|找谁)|出(了)?(点)?事[^，。！!]{0,2}(咋办|怎么办|咋整|找谁|谁管)/
/** Begins with "要是/如果": a question about what one would do, whatever it names (119, 着火). */
const conditional = /^(@\S+\s*)?((你|恁|俺|我)说)?(要是|如果|万一|假如|假设)|打个比方|比如说/
/** Grumbling (烦死了, 累死了): no danger in it, but a water cut grumbled about is still a water cut. */
const grumbling = /崩溃|滴血|烦死|累死|困死|饿死/
const joking = /哈哈|吓死(宝宝|本宝宝)|先救谁|(被|让)[作坐]业|😂|🤣|😄|😁|😆|笑死|(?<!不是)开玩笑|逗你|[吧啦]～|表情|数学题|这道题|写作业|作业(要|太|好|真|又|多)|考试|笑得/
/** Figures of speech and denials: 嘴都快着火了, 不是真着火, 还以为着火了, 其实没. */
const figurative = /(快|要|都快|都要|简直|太|超|老)(着火|起火|冒烟|烧起来)|(?<!是)不是(真)?(着火|起火|出事)|(以为|还当是?)(?!不)[^，。！!]{0,6}(着火|起火|出事|失踪|丢了|不见了|走丢)|其实没|火得|(直播间|视频|歌|店|生意|网红|号)(也|都|一下子?|真|又)?火了|(嘴|舌头)(里)?(都)?(跟)?着火|(手机|脑子|脑袋|头|肚子|群)(都)?(要|快)(爆炸|炸)|(手机|电脑)的?内存[^，。！!\s]{0,2}(要|快)(爆炸|炸)|原地(爆炸|去世|升天)|心态(爆炸|炸了|崩了)|做梦|梦(见|到)|发错(群|了)|游戏|王者|剧里|剧的|短剧|玩具|过家家|电影里|小说里|吃鸡|开黑|猜(个)?谜|谜语|急转弯|(跟|(?<!好)像)[^，。]{0,3}(着火|起火|冒烟|炸)|(着火|起火|冒烟|失踪|走丢|丢|炸|淹)了?(一样|似的)|(跟|像)[^，。！!]{0,8}(捞|拎)出来(的)?(一)?(样|似的)|淹死在[^，。！!]{0,6}(作业|题|文件|活|工作|书|资料|表格|报表|消息)(堆|海)?里|(都快|都要|快要|差点)(打|干)起来|(热|累|饿|困|气|吵|忙|晒)(得|哩|嘞)[^，。]{0,4}(快|要)?(晕|死|疯|炸)|几点起床[^。！!]{0,16}叫(都|也)叫不醒|(玩|熬|刷)[^，。！!]{0,4}(到)?半夜[^。]{0,16}叫不醒|叫(都|也)叫不醒[^。！!]{0,8}(上学|迟到)|演戏|杀猪(一样|似的)|(着火|起火)了?(都|也)不知道|嗓子(眼)?[^，。！!]{0,4}冒烟|睡得?(跟|像)[^，。！!]{0,2}(死猪|死人|猪)|气(得|哩|嘞)[^，。]{0,3}(心口|胸口|肝|头)(都)?(疼|痛)|懒(嘞|哩|得很|死了|虫)|睡懒觉|赖床|(孙子|孙女|小子|儿子|闺女|孩子|娃|伢|学生|年轻人)[^，。！!]{0,6}睡到(大)?(晌午|中午|日上三竿|半晌|[九十]+点)|(起|长|冒|上)(了)?(个|一个|俩|两个)?火泡|拍(视频|戏)|电视剧|股票|基金|大盘|跌停|涨停|韭菜/
/** "原来是", "其实是": what it turned out to be says the alarm was wrong; "一看是" may only name what burns. */
const contradicted = /原来是|其实是|结果(就)?是|一问(才知道|才晓得)?是|(问|打听)[^，。！!\s]{0,3}才(知道|晓得)是/
/**
 * What it turned out to be ("跑过去一看 是个塑料袋", "原来是孩子玩"): a false alarm, unless what it turned out to be is
 * itself a danger the rules know ("一看是隔壁小二掉塘里了", "原来是煤气漏了") or a cry follows it. A cry before it
 * ("喊快来 着火了 ……一看 其实是…") is part of the story.
 */
const turnedOut = new RegExp(`一看\\s*(是|原来)|${contradicted.source}`)
const falseAlarm = (text: string) => {
  const m = turnedOut.exec(text)
  if (!m) return false
  const after = text.slice(m.index + m[0].length)
  // A cry after it ("一看是谁家的娃 在塘边上站着哭 …快来人") is a call now, whatever was seen.
  return quietAfter(after, emergencies)
}
/** Nothing after a turn in the story: none of these signs of danger, and no cry. */
const quietAfter = (after: string, signs: ReadonlyArray<[EmergencyKind, RegExp]>) => !signs.some(([, re]) => re.test(after)) && !alarm.test(after)
/** Long ago: 年轻时候那场大水, 小时候有人掉井里. */
const longAgo = /(咬|撞|伤|砸)过(人|好几个人|几个人|一回|好几回|两回)|(年轻|小)(的)?时候|以前|上(个)?学期|[五六七八九]几年|\d0年代|那场|那天|前天|前[两俩三几]天|上(个)?(礼拜|星期|周|月)|前些天|那年|当年|那会儿?|早些年|前些年|[\d一二三四五六七八九十几]+年前|老早以前|(上|那)(回|次)|去年|前年|(都|有)[\d一二三四五六七八九十几]+年了|(瘫|躺|病|卧床)[^，。！!]{0,4}[\d一二两三四五六七八九十几]+(年|个月)了|那事|(说|报|反映|讲)的那个[^，。！!]{0,14}的事|(淹死|着|烧|掉|出|摔|撞|塌|决)过(人|火|事|一回|一次|口)?(?![来去])|(掉|摔|栽|淹)(下去|进去)过/
/**
 * An illness that struck long ago and stays ("老头子去年中风了，现在半边身子动不了"): care to arrange, not a stroke now,
 * unless it has struck again or suddenly.
 */
const longIll = /(去年|前年|那年|[\d一二两三四五六七八九十几]+年前|以前|早些年|前些年)[^。]{0,6}(中风|脑梗|脑出血|偏瘫|瘫)/
const strikesNow = /突然|刚|又(犯|中|倒|晕|摔|抽|梗)/
const illLongAgo = (text: string) => longIll.test(text) && !strikesNow.test(text)
/** Happening now; "现在一下雨就……" is every time it rains, not now. */
const now = /这回|[\d一二两三四五六七八九十几]+个?(钟头|小时)了|又(着|塌|犯|抽|走丢|找不着|上来|漫)[^，。！!\s]{0,2}了|天(都)?黑(透)?了|还没回来|(?<!到)现在(?!路过|想起|提起|说起|一想|想|修|办|弄|咋|怎么|处理|有|啥|什么|补|的|到哪|进展|怎样|咋样|一下(?!子)|一到)|正在|刚(才|刚)(?!路过)|这会儿?|眼下|突然/
/**
 * Yesterday's fire, crash or fight is told, not called in, unless something of it is still going on; a flood, a leak,
 * someone in the water or a person missing since yesterday is still a danger today.
 */
const yesterday = /(?<!从)(昨(天|儿个?|晚|个|夜)|夜(儿|个)(个|黑|晚)?)(?![^，。！!]{0,12}(开始|起|到现在|一直|至今|还))/
const today = /今(天|儿|早|晚|个)/
const toldAfter = (kind: EmergencyKind, text: string) =>
  ['fire', 'accident', 'violence', 'medical'].includes(kind) && yesterday.test(text) && ![now, live, today].some((re) => re.test(text))
const feared = '[^，。！!]{0,8}(撑不住|顶不住|扛不住|压(着|到|住)?人|着火|起火|失火|烧起来|烧着|漏电|电着|电到|触电|掉(进|下|到)|淹|砸|塌|出事|出人命|撞(了|着|到)?人)'
/** A danger feared, not happening: 怕着火, 担心漏电电着小孩, 万一掉下去. */
const hazard = new RegExp(String.raw`可不得了|(盖上房子?|万一|真要|到时候)[^，。！!]{0,6}发大水(了)?(咋办|咋整|咋弄|怎么办)|(着火|起火)了?((都|也)?(跑不出去|出不去|跑不了|没法跑)|(跑都跑|出都出|逃都逃)不(出去|去|了|掉))|就麻烦了|再不修|(掉|摔|栽)(下去|进去)(咋办|咋整|咋弄|怎么办)|真(要)?(着火|起火|出事)了?[^，。！!]{0,10}(咋|怎么|谁(来)?(负责|管|担))|(?<!怕是)(怕|担心|生怕|容易|万一|小心|恐怕|迟早|早晚|哪天|等着|别等|等(到)?(哪个|有)|说不定|保不齐|(肯定|准)(会|得|要)?有人)${feared}`)
/**
 * What nearly happened (差点着火, 俺孙子差点掉进去): no fire, nobody fell in. But a road that has caved in or water
 * that is rising is there now, whatever nearly fell into it ("路塌了个大坑 车差点掉进去").
 */
const nearMiss = new RegExp(`(差点|差一点|险些)${feared}`)
/** Animals and games fight too: 俺家狗跟人家狗打起来了, 打水仗. */
const notPeople = /(没|从没|不)输过|(狗|猫|鸡|鸭|鹅|牛|羊|猪)[^，。]{0,8}打起来|(幼儿园|学校|班上|班里|同学)[^，。]{0,6}打架|打(水仗|雪仗|牌|麻将|扑克|球)|(羊|牛|狗|猫|鸡|鸭|鹅|猪)(走丢|跑丢|丢了|不见了|跑出来了)|(打工|外地|上班|出差|读书|网吧)[^，。]{0,10}没回(来|家)?|(走丢|跑丢|丢)了?(一|两|几)?(只|头|匹)|走丢的(羊|牛|狗|猫|鸡|鸭|鹅|猪)|(手机|钥匙|钱包|帽子|鞋|球|桶|盆|碗|东西|玩具|书包)(子)?(又)?掉(下去|进去|(进|到|在)?(了)?(水|河|塘|井|缸|沟))/

/** Made up: a drama, a game, a school essay. Nothing here is real however loud it is ("电视剧里着火 俺娘要打119"). */
const fiction = /电视剧|剧里|电影里|小说里|游戏里|作文|瞎编|编的故事|(说|讲)个笑话|(作业|练习|考试?)题|试卷上|课本上/
/** A scheme, a sect or gambling (搞传销, 聚赌, 信全能神): to report and look into, not a danger to anyone's life this minute. */
const scheme = /传销|邪教|全能神|门徒会|法轮|赌博|赌钱|聚赌|贪污|受贿|挪用|优亲厚友|吃拿卡要/
/**
 * Trouble, not danger: a neighbour knocking down a wall (砸墙, 电钻), smoke from burning straw, a wasps' nest, a lost bag, mud on one's clothes, two children squabbling. The model alone
 * (or a weak word such as 冒烟) does not make these an emergency; a strong sign (着火, 烧到房子) still does.
 */
const nuisance = /(砸|凿|钻|拆)墙|电钻|(电话|号码|手机号|微信|二维码|地址|文件|通知)[^，。！!]{0,8}找不(到|着)(?![^，。！!]{0,2}人)|(俩|两个|几个)(娃|孩子|小孩|小子)(又|天天|老是)?打(起来|架)|(钥匙|手机|钱包|校服|外套|衣服|橡皮|卡|证)[^，。]{0,3}丢了|(烧|焚烧)(麦)?(秸秆|秸杆|麦秸|麦茬|玉米秆|稻草|稻秆|树叶|垃圾|电缆|电线皮|轮胎)|烧电线(取|炼|拿)|(有人|又|老)[^，。！!]{0,6}烧电线|马蜂窝|(捡|拾)(了|到|着)|丢了(一个|个)?[^，。]{0,2}(包|钱包|手机|钥匙|帽子|卡|证)|浑身(是)?(土|泥)|泥巴糊|洗[^，。！!]{0,3}农药|农药的?(桶|瓶)|(牛|羊|猪|狗|猫|鸡|鸭|鹅)[^，。！!]{0,4}(不吃|不喝|病了|拉稀|流口水|跑[^，。！!]{0,3}地里)|锈死|(生人|陌生人|生面孔)[^。]{0,8}(转悠|转来转去|晃悠|溜达)|(估计|可能|怕是|应该|大概|八成)[^，。！!\s]{0,2}(不在家|没在家|出门了|下地了|赶集去了)|(灰|尘|沙|风)[^，。！!]{0,3}(大|多)[^，。！!]{0,3}睁不开眼|(厂|窑|烟囱|锅炉房)[^，。！!]{0,3}(又|天天|整天|老是)?冒(黑|白|黄|浓)?烟|丢了(一)?(件|双|顶|把|条)|(面包|蛋糕|馒头|包子|发面|戚风)[^，。]{0,4}(又)?(塌|糊|焦|炸)|(塑料|地膜|白膜|薄膜|农膜|棚膜)[^，。！!]{0,3}烧(哩|的|嘞|得)?(?!着|起)[^，。！!]{0,4}(怪|臭|呛|难闻的?)味/

/**
 * A field drowned, soaked or eaten by pests: "地里芝麻淹死一半了", "麦子生虫了" are a loss, whatever the model makes of
 * 淹死 or 快来看.
 */
const cropLoss = new RegExp(`(${crops})[^，。！!]{0,4}(淹|泡)(死|坏)|(${crops})(子)?[^，。！!]{0,3}(生|长|招)(了)?虫`)

/**
 * Every time it rains or blows, or a car goes over ("车一过咯噔一下"): a standing fault to repair ("一下雨就打火花"), not
 * something happening now.
 */
const habitual = /(车|三轮|拖拉机|人)一(过|走|压|碾)(?!去)|(骑车的?|开车的?|车子?|走路的?)一(偏|滑|打滑)就|输(了)?(钱)?就|(说|港|讲|反映)(了|过)(好)?几(回|次|遍)|(天天|三天两头|隔三差五)[^，。！!\s]{0,4}(喝|打(?!不|电话|工)|吵|闹)|一(下雨|下大雨|刮风|打雷|到晚上|到夏天|开灯|用电|停电|停水|放水|变天|降温|上楼|干活)[^，。！!]{0,2}(就|都|全)|烟[^，。！!]{0,2}(一整天|整天|天天|老是)|一烧(起来|火)|(一喝|喝了|喝完|喝多了?)(点)?酒就|一喝多了?就|喝醉了?就|(已经|都)好几(回|次)了|年年|每年|[翻摔撞掉淹](了|过)?[两俩三几好]+(回|次)了/
/** What happens every time, with nothing said of it happening now. */
const everyTime = (text: string) => habitual.test(text) && !now.test(text)
/** A bump, not a danger: 不严重, 问题不大, 擦破点皮, the road open again. Only against the model's word, never against a rule's. */
const minor = /(都|也|倒)?不(太)?严重(?!吧|吗|不)|问题不大|现在(已经)?通了|擦破(了|点|一点)皮|(鞋|袜子?|脚丫?子?)[^，。！!]{0,4}臭/
/**
 * Dialect spellings the rules do not repeat, and a cut typed by voice. Not data/nlu/dialect.json's whole map, which
 * makes 冇 没有 and 俺 我: the rules are written in the villagers' own words (俺娘, 没上来).
 */
const spellings: Array<[RegExp, string]> = [
  [/冇/g, '没'],
  [/礼白/g, '礼拜'], // 上礼白
  [/第保/g, '低保'], // 俺的第保咋没到
  [/五饱/g, '五保'], // 俺家那个五饱今年咋少了一百
  [/长虫/g, '蛇'], // 叫长虫咬了
  [/养老(近|经|今)(?=[^，。！!？?\s]{0,2}(没|咋|还|又|少|这|到|啥|么|木))/g, '养老金'], // 养老近这个月咋没打过来
  [/([没停])[点店](?=了|啦)/g, '$1电'], // 没点了, 停点了, 停店了
  [/每(?=(水|电)了)/g, '没'], // 每水了
  [/听(?=(水|电)了)/g, '停'], // 听水了, 听电了
  [/(?<=(水|电)(又|也)?)挺(?=了|啦)/g, '停'], // 电又挺了
  [/(?<=水)曼(?=[到进过])/g, '漫'], // 水曼到院里了
  [/(?<=(房|屋|墙|顶|楼)子?)踏(?=了|下来)/g, '塌'], // 房顶踏了
  [/下水到(?=(又|还|老是?)?(堵|冒|反|返|满|漫|臭|不通))/g, '下水道'], // 下水到冒水了
]
const plain = (text: string) => spellings.reduce((t, [re, to]) => t.replace(re, to), text)

/** A water pipe burst or frozen open ("水管子崩了", "水管冻裂了"): a fault to mend, and a supply cut where it is. */
const burstPipe = String.raw`水管(子)?[^，。！!]{0,3}(崩|爆|炸|裂|破(了|啦))`
/**
 * A fault to mend or a crack to look at, shouted about ("房子漏水了快来", "光缆被挖断了救命", "桥裂开了 赶紧来人看看"): loud,
 * but with no danger named it is for the grid worker.
 */
const fault = new RegExp(String.raw`电话[^，。！!]{0,3}打不(出去|进来)|漏水|水管(子)?[^，。！!]{0,2}漏(了|啦)|漏雨|没(水|电)了|井盖|光缆|网线|宽带|断网|没网|停电|停水|路灯|下水(道|管)|门禁|闸机|车库门|电梯(门)?[^，。！!]{0,4}(关不上|打不开|坏了|一直响)|渠闸[^，。！!]{0,2}(打不开|坏了|提不起来)|(井|水泵|泵)[^，。！!]{0,3}抽不(上来|出来|上水)|裂(缝|开)了?[^。！!]{0,4}(快|赶紧)(来)?(人)?看(看|一下)|化粪池[^，。！!\s]{0,3}(又|还|老是?)?(反|返|冒|满|漫|堵)|(地铁|站|车|屏蔽|柜|冰箱)门(都|也)?关不上|纸[^，。！!\s]{0,2}卷进去|(断电|停电|电梯)[^。]{0,16}下不(来|去)楼|${burstPipe}`)
/** "救命" said of a meal, a deadline or a diet: a cry of help with nothing in danger behind it. */
const exaggeration = /涨价|三缺一|缺(个|一个)人打|凑(一)?桌|挣不(着|到)钱|好吃|太香|停不下来|PPT|ppt|加班|ddl|deadline|减肥|胖了|这题|题(太|好)难|报表|KPI|kpi|考研|背单词/

/** How it ended: the fire out, the person found, all well. 灯灭了 is a lamp. Not 救上来了: pulled out is not yet well. */
const ended = /(?<!灯|电)灭(掉)?了|扑灭|(找|寻)(着|到|回来)了(?!吗|没)|没事了(?!吧|吗)/g
const anySign = [...emergencies, ...weak]
/** Said last, with no danger and no cry after it ("着火了 快来人……扑灭了"; not "灭了 屋里还全是烟"). */
const endsSettled = (text: string) => {
  const last = [...text.matchAll(ended)].at(-1)
  if (!last) return false
  return quietAfter(text.slice(last.index + last[0].length), anySign)
}

export type Danger = { kind: EmergencyKind; alarm: boolean; strong: boolean } | null

/**
 * An emergency now, by recall first: a strong sign (着火, 落水, 砍人 …) counts unless the message says it is
 * past, elsewhere, a reminder or a joke; a weak one (冒烟, 不见了 …) is only a candidate, for the model to confirm.
 */
/** The danger the words of a text (spellings mended) name, and whether by a strong sign or only a weak one. */
function dangerNamed(text: string): { kind: EmergencyKind; strong: boolean } | null {
  const strong = emergencies.find(([, re]) => re.test(text))
  const hit = strong ?? weak.find(([, re]) => re.test(text))
  return hit ? { kind: hit[0], strong: strong !== undefined } : null
}

/** The kind of danger the words name, however calm or far off: what the first advice is about. */
export const namedDanger = (said: string): EmergencyKind | null => dangerNamed(plain(said))?.kind ?? null

export function detectEmergency(said: string): Danger {
  const text = plain(said)
  const hit = dangerNamed(text)
  // "要是屋里着火了，是先打119还是先找网格员": named, not happening, however loud the words.
  if (conditional.test(text) && isHypothetical(text)) return null
  if (fiction.test(text)) return null
  // "俺孙子喊快来 着火了 俺跑进去一看 其实是他看动画片": the cry before it is part of the story. Only when what it
  // turned out to be contradicts it: "后院着火了 快来人 一看是柴火垛" names what burns.
  if (contradicted.test(text) && falseAlarm(text)) return null
  const loud = alarm.test(text)
  // "救命 刚刚差点把厨房点了……还好盖上锅盖灭了": the cry opens a story that ends with the fire out.
  if (loud && endsSettled(text)) return null
  const unreal = isUnreal(text, hit?.kind)
  if (!hit?.strong && nuisance.test(text)) return null
  // A cry with no danger named ("快来人啊", "救命"): a candidate, as a weak word is, for the model to confirm; a hen's
  // double-yolked egg and a boss's deadline are announced the same way.
  if (!hit) return loud && !unreal && ![settled, elsewhere, exaggeration, fault].some((re) => re.test(text)) ? { kind: 'accident', alarm: false, strong: false } : null
  if (!loud && hit.kind === 'accident' && collapsed.test(text) && repair.test(text) && !trapped.test(text)) return null
  const heardOf = hit.kind === 'missing' ? missingCalm : live.test(text) || now.test(text) ? far : elsewhere
  const missed = nearMiss.test(text) && !emergencies.some(([kind, re]) => kind === 'flood' && re.test(text))
  if (!loud && (unreal || missed || toldAfter(hit.kind, text) || (hit.kind === 'medical' && illLongAgo(text)) || [settled, heardOf, reminder, hazard, aftermath, scam].some((re) => re.test(text)) || everyTime(text))) return null
  if (!loud && isHypothetical(text)) return null
  return { kind: hit.kind, alarm: loud, strong: hit.strong }
}

/** A question about what one would do (万一着火了怎么办, 要是看见有人落水该咋救), not a call for help. */
export const isHypothetical = (text: string) => (howTo.test(text) || conditional.test(text)) && !/了[!！。]?$/.test(text)

/**
 * Not a real danger now: a joke, a figure of speech, a game, animals, or a story from long ago. Cards and animals
 * explain away a fight, a disappearance or something in the water, nothing else: not a man who collapses over them
 * ("打牌的老张一头趴桌子上了"), nor a fire in the room where they play ("棋牌室里烧起来了").
 */
export const isUnreal = (text: string, kind?: EmergencyKind) => grumbling.test(text) || isMadeUp(text, kind)
/** A joke, a figure of speech, a false alarm or a story from long ago. */
const isMadeUp = (text: string, kind?: EmergencyKind) =>
  [joking, figurative, ...(kind === undefined || ['violence', 'missing', 'drowning'].includes(kind) ? [notPeople] : [])].some((re) => re.test(text)) || falseAlarm(text) || (longAgo.test(text) && !now.test(text))

/** A problem that is already solved, or something seen in the news: nothing to file. */
export const isSettledOrElsewhere = (text: string) => settled.test(text) || media.test(text)
export const isReminder = (text: string) => reminder.test(text)

/** Said of something wrong here and now: the words for it, none of `not`, nothing settled, elsewhere, a reminder or a joke. */
const wrongNow = (words: RegExp, not: RegExp) => (said: string) => {
  const text = plain(said)
  return words.test(text) && !not.test(text) && !isSettledOrElsewhere(text) && !reminder.test(text) && !isMadeUp(text)
}

/** A public fixture gone wrong again ("路灯又瞎了", "厕所又冒了", "河里又漂死猪了"): said in passing, meant for whoever mends it. */
const fixtureAgain = /(路灯|水管子?|水泵|机井|厕所|茅房|下水道|井盖|垃圾(桶|箱|池|堆)?|河(里|沟|边)?|沟(里)?|渠|桥|门禁|闸机|水表|电表|化粪池|排水沟|阴沟|污水|粪水|臭水)[^，。！!？?\s]{0,4}(又|还|老是?)[^，。！!？?\s]{0,2}(坏|瞎|卡|漏|冒|堵|臭|断|塌|黑|漂|淹|满|停|不亮|不转|不出水|不上水|积水|泡沫|抬不起|打不开)/
const notFixture = /修好|好了|通了|来修了|已经|那会|以前|上回|那次|去年|小区|单位|公司|宿舍|哈哈|😂|你家|你们那/
export const isFixtureAgain = wrongNow(fixtureAgain, notFixture)

/** Stolen from again ("又偷俺家玉米！", "俺家鸡又叫人偷了"): said in a breath, meant for whoever keeps order in the village. */
const theftAgain = /又(被|叫|让)?(人)?偷(了)?(俺|我|咱)(家|们)|(俺|我|咱)家[^，。！!？?\s]{0,6}又(被|叫|让)(人)?偷/
export const isTheftAgain = wrongNow(theftAgain, notFixture)

/** The money a resident is owed or paid: benefits, reimbursements, a day-labourer's pay. */
const benefit = '补贴|低保|低宝|五保|养老金|养老钱|救助(款|金)|报销的?(钱|款)|抚恤金?|津贴|工钱'

/** A benefit or a day-labourer's pay that has not come ("种粮补贴又木到", "工钱还木给"): money owed, for someone to chase. */
const benefitOwed = new RegExp(`(${benefit}|五包)(钱)?[^，。！!？?]{0,8}((又|还|咋|怎么)((这|那|上)个?(月|季度|季|年))?(是)?(没|木|冇|么)(有)?(到|发|给|打|见|来)|(又|咋|怎么)(晚|少)(了|发|给|打)|(咋|怎么|为啥)(只有|才|就)(给|发|打)?了?(\\d|[一二两三四五六七八九十百]))|(${benefit})[^。！!？?]{0,30}(到现在|今年|至今|一直)[^，。！!？?]{0,4}(也|还|都)?(没|木|冇)(有)?(见(到|着)?|到|发|给|打|领)(钱|一分)?(?!吗|没)`)
const notOwed = /(已经|刚|总算|终于)[^，。！!]{0,2}(到|发|打|领|收)|你们|你家|别人家|报上去了|登记了|(上回|年前|之前|前些天|前几天)[^，。！!]{0,10}(说|反映|报)/
export const isBenefitOwed = wrongNow(benefitOwed, notOwed)

/** A benefit that has come ("俺娘的养老金已经到账了", "低保钱打到卡上了"): news for the group, nothing to chase, unless something is wrong with it. */
const benefitCame = new RegExp(`(${benefit})(钱)?[^，。！!？?]{0,6}(到账|打到卡上?|到卡上|发下来|领到手?)了`)
const yetWrong = /但|可是|就是|咋|怎么|为啥|少了?|不对|不够|没|木|冇|[?？吗]/
export const isBenefitCame = (said: string) => { const text = plain(said); return benefitCame.test(text) && !yetWrong.test(text) }

/** Opens by asking for something to be done ("麻烦修下路灯，谢谢"): a request, however politely it closes with thanks. */
const politeRequest = /^(麻烦|劳驾|请(?!问))(你们|恁们?|网格员|村里|物业)?[^，。！!？?]{0,3}(修|拉|清|看|处理|弄|管|来|换|补|挪|查|收|运|装)/
export const isPoliteRequest = (text: string) => politeRequest.test(text.trim())

/** Water, power or the network out where the writer is, a burst pipe, a meter that has stopped. */
const outage = new RegExp(String.raw`(停|断|没有?|木|么|莫)(了|得)?(水|电|网)(?!费|表|话|视|脑|梯|影|车|瓶|池|线|器|工|站|源|量|平|果|杯|桶)|(水|电|网|宽带|光纤)(又|也|好像|咋)?(停|断|没|冇|木)(得|有)?(了|啦|咯)|自来(水|睡|谁)[^，。！!]{0,3}(没|浑|黄|停|断|不来)|${burstPipe}|电表[^，。！!]{0,3}(不转|烧|坏)|(没|木|么)(有)?信号|(信号|[45][Gg])[^，。！!]{0,2}(一格|(没|木|么)(有)?了)|水压[^，。！!]{0,3}(小|低)|(水|电)[^，。！!]{0,2}一天(就|只)?来|(水|电)[^，。！!]{0,2}一会(儿)?(来|有)[^，。！!]{0,3}一会(儿)?(没|不|停|断)`)
/**
 * Not a supply to restore: a phone, a bike or a speaker gone flat; a notice of a cut to come; a cut that is back,
 * explained or mended already; one reported before (asked after, not filed again); one somewhere else or long ago;
 * a bad line on a call; thanks for a repair.
 */
const notOutage = new RegExp([
  '(手机|电动车|电瓶|电车|充电宝|电池|码表|助听器|饮水机|遥控|笔|音箱|音响|电脑|平板|耳机|手表|玩具)[^。！!]{0,10}(没|木|么|莫)(有)?(电|水)',
  '(明天|明儿|后天)[^，。！!？?]{0,8}(停|断|没|木|检修|修)|(?<!不|没|木|没有|没个|木个)(提前|通知)|计划|检修|预计|存(点|几桶|两桶)?水|接(点|几桶|两桶)水|\\d+点|[一二三四五六七八九十]点|一般',
  '来(电|水|网)?了|(?<!没|木|么)有(水|电|网)?了|好了|通了|换上|换了|接上|缠|浇|正常|凑合|重启|路由器|wifi|跳闸|空开|推上去|因为|正在修|借',
  '(反映|报|说)的|(反映|报)(了|过)|(检测|修|看)(了)?没|那会|那年|以前|那次|小区|宿舍|县城|外地|老家|(她|他)们那|你家|你们那|是不是就我|我这没有|别人家|去我妈家|洗的澡',
  '正好|蜡烛|情调|早睡|午睡|哈哈|😂|没跳|听不清|没看见|没收到|听得到|高速|工地|山上|通只|说一声|负责|谢谢|感谢',
].join('|'), 'i')
/**
 * A supply out here and now ("又停水了", "俺这冇电了", "水管子崩了"): however short, the commonest thing a grid worker
 * is asked to see to, which the model, given three words, takes for chatter.
 */
export const isOutage = wrongNow(outage, notOutage)
/**
 * Nothing to sound an alarm for, whatever the model thinks: settled, heard of or seen elsewhere (听说, 说是, on TV),
 * a reminder, trouble rather than danger (straw smoke, a lost bag), a bump (不严重), a call to mend something or a leak
 * or an outage to see to, a joke, a story or an exaggeration, a question about "what if", what happens every time
 * (一下雨就淹, 一烧起来满村黑烟), or words said to a neighbour ("谁的车……麻烦挪一下").
 */
export const isCalm = (said: string) => {
  const text = plain(said)
  return [settled, elsewhere, reminder, scam, nuisance, cropLoss, fiction, exaggeration, minor, choreCall, fault, scheme].some((re) => re.test(text)) || isUnreal(text) || isHypothetical(text)
    || everyTime(text) || isToNeighbour(text) || illLongAgo(text)
}

/** Someone who handles things is asked in (物业, 网格员, 管一管), not only the neighbour. */
const authority = /物业|网格|村里|村委|管|社区|居委|投诉|反映|协调|派人|来人|领导|干部|书记|城管|派出所|报警|12345/
const toNeighbour = new RegExp([
  '谁(的|家的?)[^，,。 ]{0,8}(车|SUV)[^。]{0,12}(停在|停我|挡着?我|堵着?我|把我|挡住|堵住)',
  '麻烦.{0,3}(挪一下|挪挪|挪下)',
  '那辆.{0,8}(车|SUV).{0,4}(能不能|麻烦|别)',
  '^(楼上|楼下|隔壁|对门|\\d+楼)(的|那家|那户|邻居)?.{0,10}(能不能|可不可以|麻烦|别再?|注意|体谅|小点|轻点)',
  '能不能体谅|注意一下啊?$',
].join('|'))
/**
 * Said to a neighbour in the group, not to anyone who handles things: "谁的车停我车位上了 麻烦挪一下", "楼上能不能
 * 别拖椅子了". The neighbour reads it and moves the car; a ticket would only be noise.
 */
export const isToNeighbour = (text: string) => toNeighbour.test(text) && !authority.test(text)
/**
 * Asks the others in the group, not anyone who handles things ("有人知道哪有修手机的不", "谁认识修空调的"): no ticket. Not
 * calm for all that: "谁知道乡医院洗胃的电话 俺外甥女吞了一把药" is a call for help.
 */
const peerQuestion = /^(有人|有没有人|谁|哪位|有谁)[^，。！!？?\s]{0,4}(知道|推荐|晓得|去过|走过|用过|认识|了解)/
export const asksPeers = (text: string) => peerQuestion.test(text.trim()) && !authority.test(text)
/** Opens by agreeing or laughing with the message before ("对对，……", "同感，……", "哈哈……"): talk, unless it asks for something. */
const reply = /^(对对|对啊|对呀|是啊|是呀|同意|同感|哈哈|啊[？?]|这话说的|没办法|\+1|嗯嗯|可以啊|真的假的|我也是)/
export const isReply = (text: string) => reply.test(text.trim()) && !appealWords.test(text)

const sensitive = new RegExp(`${scheme.source}|举报|打牌赢钱|家暴|打老婆|打媳妇|吸毒|贩毒|卖淫|嫖娼`)
/** Reports that must never be echoed in the group: named people, gambling, cults, domestic violence. */
export const isSensitive = (text: string) => sensitive.test(text)
