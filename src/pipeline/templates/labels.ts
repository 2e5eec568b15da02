/** Words the templates print, per language (English fallback). */
export interface Labels {
  contents: string;
  figures: string;
  sources: string;
  figure: string;
  table: string;
  keyFindings: string;
  classification: string;
  dataTable: string;
  page: string;
  of: string;
  /** Printed after the page count ("第 3 页，共 12 页"). */
  pagesSuffix: string;
  citation: string;
  backToText: string;
  archive: string;
  latest: string;
  /** Around the pages that cite a source, in print ("p. 3, 5", "第 3、5 页"). */
  pagesBefore: string;
  pagesAfter: string;
  pagesSeparator: string;
  /** Title-block words (memo template). */
  summary: string;
  memo: string;
  date: string;
  period: string;
  from: string;
}

const en: Labels = {
  contents: 'Contents',
  figures: 'Figures',
  sources: 'Sources',
  figure: 'Figure',
  table: 'Table',
  keyFindings: 'Key findings',
  classification: 'Classification',
  dataTable: 'Data table',
  page: 'Page',
  of: 'of',
  pagesSuffix: '',
  citation: 'Source',
  backToText: 'Back to text',
  archive: 'Archive',
  latest: 'Latest',
  pagesBefore: 'p. ',
  pagesAfter: '',
  pagesSeparator: ', ',
  summary: 'Summary',
  memo: 'Memo',
  date: 'Date',
  period: 'Period',
  from: 'From',
};

const zh: Labels = {
  contents: '目录',
  figures: '图表',
  sources: '资料来源',
  figure: '图',
  table: '表',
  keyFindings: '要点',
  classification: '密级',
  dataTable: '数据表',
  page: '第',
  of: '页，共',
  pagesSuffix: ' 页',
  citation: '来源',
  backToText: '返回正文',
  archive: '归档',
  latest: '最新',
  pagesBefore: '第 ',
  pagesAfter: ' 页',
  pagesSeparator: '、',
  summary: '摘要',
  memo: '备忘录',
  date: '日期',
  period: '期间',
  from: '撰稿',
};

export function labelsFor(lang: string): Labels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
