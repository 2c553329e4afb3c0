import { pdfPages, pdfText } from '@mediation/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chart, paragraph, section, type DocumentSpec } from './blocks';
import { chartSvg } from './chart';
import { renderDocument } from './render-document';

const months = ['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'];
const trend = chart({
  title: 'Cases resolved with an expected outcome',
  type: 'line',
  categories: months,
  series: [{ name: 'Expected outcome', values: [92, 95, null, 88, 90, 91, 93, 97, 85, 100, 66.7, 100] }],
  target: 90,
  unit: 'percent',
});
const volumes = chart({
  title: 'Cases opened',
  type: 'bar',
  categories: months,
  series: [{ name: 'Opened', values: [3, 4, 5, 2, 6, 7, 4, 3, 5, 4, 3, 2] }],
  unit: 'count',
});

describe('the chart block: ECharts rendered server-side to SVG, drawn into the PDF', () => {
  it('the SVG is the finished picture: the axis labels, the series and a dashed target line, no animation', () => {
    const svg = chartSvg(trend, 480, 180);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Nov');
    expect(svg).toContain('Target (90%)');
    expect(svg).toMatch(/stroke-dasharray/);
    expect(svg).not.toMatch(/<animate|@keyframes/);
  });

  it('a PDF with a line and a bar chart has them as vector paths beside its text, and pdftoppm renders the page (look at it with KEEP_CHART_PNG=/tmp/chart.png)', async () => {
    const spec: DocumentSpec = {
      organisation: { name: 'Calm Waters Mediation', address: ['12 Harbour Row'] },
      title: 'Monthly performance',
      reference: 'KPI-2026-11',
      subject: 'KPI pack',
      issuedAt: new Date('2026-12-01T06:00:00Z'),
      body: [section('Trends', paragraph('Twelve months to November.'), trend, volumes)],
    };
    const pdf = await renderDocument(spec, { compress: false });
    expect(pdfText(pdf)).toContain('Cases resolved with an expected outcome');
    expect(pdfPages(pdf)).toHaveLength(1);
    // Many path operators: the charts are drawn, not left out.
    expect((pdf.toString('latin1').match(/ re\n| l\n/g) ?? []).length).toBeGreaterThan(40);
    const dir = mkdtempSync(path.join(tmpdir(), 'chart-'));
    writeFileSync(path.join(dir, 'pack.pdf'), pdf);
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'pack.pdf'), path.join(dir, 'page')]);
    } catch {
      return; // no poppler on this machine: the vector checks above still hold
    }
    const png = readFileSync(path.join(dir, 'page-1.png'));
    if (process.env.KEEP_CHART_PNG) writeFileSync(process.env.KEEP_CHART_PNG, png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
