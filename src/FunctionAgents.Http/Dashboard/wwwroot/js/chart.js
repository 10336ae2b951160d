// A self-contained SVG line chart: one point per day that has data, a line through consecutive points, a 0-based y axis
// with four gridlines. Points carry data-day and data-value (the exact API value) and a <title> for hover and tests.
import { h, svg } from './dom.js';

const Width = 640;
const Height = 240;
const Pad = { left: 76, right: 16, top: 16, bottom: 36 };

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) * power;
  return step;
}

function dayNumber(day) {
  return Date.parse(`${day}T00:00:00Z`) / 86400000;
}

/**
 * series: [{ name, className, points: [{ day: 'yyyy-MM-dd', value: number|null }] }]; from/to: the window's days.
 * format: value -> label (points, table); tickFormat: a shorter one for the y axis. fixedMax: the y axis top (e.g. 1 for rates) or undefined to fit the data.
 */
export function lineChart({ id, title, description, series, from, to, format, tickFormat = format, fixedMax }) {
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v !== null && v !== undefined);
  const max = fixedMax ?? niceMax(Math.max(0, ...values));
  const first = dayNumber(from);
  const span = Math.max(1, dayNumber(to) - first);
  const x = (day) => Pad.left + ((dayNumber(day) - first) / span) * (Width - Pad.left - Pad.right);
  const y = (value) => Height - Pad.bottom - (value / max) * (Height - Pad.top - Pad.bottom);

  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => [
    svg('line', { class: f === 0 ? 'axis' : 'grid', x1: Pad.left, x2: Width - Pad.right, y1: y(max * f), y2: y(max * f) }),
    svg('text', { class: 'tick', x: Pad.left - 6, y: y(max * f) + 4, 'text-anchor': 'end' }, tickFormat(max * f)),
  ]);
  const xLabels = [from, to].map((day, i) => svg('text', { class: 'tick', x: x(day), y: Height - 10, 'text-anchor': i === 0 ? 'start' : 'end' }, day));

  const drawn = series.map((s) => {
    const points = s.points.filter((p) => p.value !== null && p.value !== undefined).sort((a, b) => a.day.localeCompare(b.day));
    return svg('g', { class: `series ${s.className ?? ''}`, 'data-series': s.name },
      points.length > 1 ? svg('polyline', { class: `line ${s.className ?? ''}`, points: points.map((p) => `${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ') }) : null,
      s.className === 'replayed' ? null : points.map((p) => svg('circle', {
        class: 'point', cx: x(p.day).toFixed(1), cy: y(p.value).toFixed(1), r: 4, 'data-day': p.day, 'data-value': p.value,
      }, svg('title', {}, `${p.day}: ${format(p.value)}`))));
  });

  const empty = values.length === 0
    ? svg('text', { class: 'empty', x: Width / 2, y: Height / 2, 'text-anchor': 'middle' }, 'No evaluated day in this window')
    : null;
  const rows = series[0].points.filter((p) => p.value !== null && p.value !== undefined)
    .map((p) => h('tr', {}, h('td', {}, p.day), series.map((s) => h('td', { class: 'num' }, format(s.points.find((q) => q.day === p.day)?.value ?? null)))));

  return h('div', { class: 'panel chart', id },
    h('figure', {},
      h('figcaption', { id: `${id}-title` }, title),
      svg('svg', { viewBox: `0 0 ${Width} ${Height}`, role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` },
        svg('desc', { id: `${id}-desc` }, description), grid, xLabels, drawn, empty),
      series.length > 1 ? h('p', { class: 'legend' }, series.map((s) => h('span', {}, `${s.className === 'replayed' ? '- - -' : '——'} ${s.name}`))) : null),
    h('details', {}, h('summary', {}, 'Data as a table'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), series.map((s) => h('th', { scope: 'col', class: 'num' }, s.name)))), h('tbody', {}, rows))));
}
