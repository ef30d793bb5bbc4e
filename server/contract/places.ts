/**
 * The places residents name when they speak of somewhere else: news from another province ("江苏那边又发大水") or its
 * rules ("南阳那边咋办的"). One list, read by the message rules and by the policy answers, as regex alternations.
 */
export const provinceNames =
  '北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古?|宁夏|新疆|西藏'
/** Henan's other cities: 信阳 is home, so it is not among them. */
export const henanCityNames = '郑州|开封|洛阳|平顶山|安阳|鹤壁|新乡|焦作|濮阳|许昌|漯河|三门峡|南阳|商丘|周口|驻马店|济源'
