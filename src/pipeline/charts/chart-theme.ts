/** Chart look, read from a template's `template.json` so charts match the text around them. */
export interface ChartTheme {
  fontFamily: string;
  fontSize: number;
  titleFontSize: number;
  textColor: string;
  mutedColor: string;
  gridColor: string;
  background: string;
  palette: string[];
  /** Default plot width in CSS pixels (the text column). */
  width: number;
  height: number;
}

export const defaultChartTheme: ChartTheme = {
  fontFamily: 'Noto Sans, Noto Sans SC, sans-serif',
  fontSize: 11,
  titleFontSize: 13,
  textColor: '#1f2933',
  mutedColor: '#52606d',
  gridColor: '#e4e7eb',
  background: '#ffffff',
  palette: ['#1f5f8b', '#d9822b', '#3f8f5f', '#b8434b', '#7e5aa6', '#8c6d3f', '#4aa3b5', '#7b8794'],
  width: 560,
  height: 260,
};
