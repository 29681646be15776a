// A small SVG chart drawn by hand: images per day as bars, requests per day as a line.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

function niceMax(value) {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= value);
}

/** days: [{day, images, requests}] in order. Returns an <svg> with a text summary for screen readers. */
export function usageChart(days) {
  const width = 720;
  const height = 260;
  const pad = { left: 44, right: 12, top: 12, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(1, ...days.map((d) => Math.max(d.images, d.requests))));
  const totalImages = days.reduce((sum, d) => sum + d.images, 0);
  const totalRequests = days.reduce((sum, d) => sum + d.requests, 0);
  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Images and requests per day over ${days.length} days: ${totalImages} images, ${totalRequests} requests in total.`,
  });
  const y = (value) => pad.top + plotH - (value / max) * plotH;
  for (let i = 0; i <= 4; i += 1) {
    const value = (max / 4) * i;
    chart.append(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(value), y2: y(value) }));
    chart.append(svg('text', { x: pad.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, String(Math.round(value))));
  }
  chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) }));
  const slot = plotW / Math.max(1, days.length);
  const barWidth = Math.max(2, Math.min(28, slot * 0.5));
  const labelEvery = Math.ceil(days.length / 10);
  const points = [];
  days.forEach((d, i) => {
    const cx = pad.left + slot * i + slot / 2;
    chart.append(svg('rect', { class: 'images', x: cx - barWidth / 2, y: y(d.images), width: barWidth, height: Math.max(0, y(0) - y(d.images)) },
      undefined));
    points.push(`${cx},${y(d.requests)}`);
    if (i % labelEvery === 0) chart.append(svg('text', { x: cx, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, d.day.slice(5)));
  });
  if (points.length) {
    chart.append(svg('polyline', { class: 'requests', points: points.join(' ') }));
    for (const point of points) {
      const [cx, cy] = point.split(',');
      chart.append(svg('circle', { class: 'requests-dot', cx, cy, r: 3 }));
    }
  }
  return chart;
}
