/**
 * Number and time formatting locales for chart text, by briefing language. English is Vega's
 * default; the definitions below are d3-format's and d3-time-format's zh-CN, copied because those
 * packages are only transitive dependencies.
 */
export interface VegaLocale {
  number: object;
  time: object;
}

const zh: VegaLocale = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''] },
  time: {
    dateTime: '%x %A %X',
    date: '%Y年%-m月%-d日',
    time: '%H:%M:%S',
    periods: ['上午', '下午'],
    days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    shortMonths: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
};

/** The locale for a language tag (`zh`, `zh-CN`, `zh-Hans` …); undefined keeps Vega's English. */
export function vegaLocale(lang: string | undefined): VegaLocale | undefined {
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? zh : undefined;
}
