import type { Chart } from './blocks';

/** Colours of the series, then the target line: the kit's accent first, readable in grey print. */
const PALETTE = ['#1f3a5f', '#c8102e', '#2e7d32', '#b26a00', '#5b6573'];
const TARGET = '#8a1c1c';

/**
 * A chart as SVG, rendered server-side by Apache ECharts (no browser, no animation: the SVG is the
 * finished picture). Lazily loaded: a service that never draws a chart never loads ECharts.
 */
export function chartSvg(chart: Chart, width: number, height: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof import('echarts');
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const series: object[] = chart.series.map((s, i) => ({
      name: s.name,
      type: chart.type,
      data: s.values,
      color: PALETTE[i % PALETTE.length],
      symbolSize: 5,
      connectNulls: false,
      label: chart.type === 'bar' ? { show: true, position: 'top', fontSize: 9 } : undefined,
    }));
    if (chart.target !== undefined)
      series.push({
        name: `Target (${chart.target}${chart.unit === 'percent' ? '%' : ''})`,
        type: 'line',
        data: chart.categories.map(() => chart.target),
        color: TARGET,
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 1.5 },
      });
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: 'Sans' },
      grid: { left: 44, right: 16, top: 28, bottom: 36 },
      legend: { top: 0, textStyle: { fontSize: 9 }, itemHeight: 8 },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { fontSize: 8 } },
      yAxis: {
        type: 'value',
        min: 0,
        max: chart.unit === 'percent' ? 100 : undefined,
        minInterval: chart.unit === 'count' ? 1 : undefined,
        axisLabel: { fontSize: 8, formatter: chart.unit === 'percent' ? '{value}%' : '{value}' },
      },
      series,
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
