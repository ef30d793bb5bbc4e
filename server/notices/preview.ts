import type { Schedule } from './schedule.ts'

// A readable Chinese line for the schedules people actually write; anything else is shown as the expression itself.

const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const num = /^\d+$/
const pad = (n: number) => String(n).padStart(2, '0')

/** Lists numbers, joining runs of three or more with “至”: [1,2,3,4,5] → 周一至周五. */
function spans(values: number[], name: (n: number) => string): string {
  const out: string[] = []
  for (let i = 0; i < values.length;) {
    let j = i
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++
    out.push(j - i >= 2 ? `${name(values[i]!)}至${name(values[j]!)}` : values.slice(i, j + 1).map(name).join('、'))
    i = j + 1
  }
  return out.join('、')
}

function weekdays(s: Schedule): string {
  // Monday first, Sunday last, as a Chinese calendar reads.
  const order = [...s.weekdays].map((d) => (d === 0 ? 7 : d)).sort((a, b) => a - b)
  if (order.length === 5 && order.join() === '1,2,3,4,5') return '每个工作日'
  if (order.length === 7) return '每天'
  return `每${spans(order, (d) => weekdayNames[d % 7]!)}`
}

export function previewOf(s: Schedule): string {
  const [minute, hour, dom, month, dow] = s.expression.split(' ') as [string, string, string, string, string]
  const fallback = `按定时规则“${s.expression}”发送`
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b)

  if (dom === '*' && month === '*' && dow === '*') {
    const every = /^\*\/(\d+)$/
    if (every.test(minute) && hour === '*') return `每${every.exec(minute)![1]}分钟`
    if (num.test(minute) && hour === '*') return minute === '0' ? '每小时整点' : `每小时第${minute}分`
    if (num.test(minute) && every.test(hour)) return `每${every.exec(hour)![1]}小时（第${minute}分）`
  }
  if (!num.test(minute)) return fallback
  let time: string
  if (num.test(hour)) time = `${pad(Number(hour))}:${pad(Number(minute))}`
  else if (/^[\d,-]+$/.test(hour)) time = `${sorted(s.hours).map((h) => `${pad(h)}:${pad(Number(minute))}`).join('、')}`
  else return fallback

  if (s.daysOr) return fallback
  const days = dom === '*' ? null : spans(sorted(s.days), (d) => `${d}日`)
  const months = month === '*' ? null : spans(sorted(s.months), (m) => `${m}月`)
  if (dow !== '*') {
    if (months) return fallback
    return `${weekdays(s)} ${time}`
  }
  if (!days) return months ? `每年${months}每天 ${time}` : `每天 ${time}`
  if (!months) return `每月${days} ${time}`
  return `每年${months}${days} ${time}`
}
