// Draws each report chart from the figures the server put in its data-chart attribute (the table beside it holds
// the same figures for everyone who does not see the chart). Without scripts the tables are the report.
// Drawn at load and again whenever live updates (live.js) or a filter replace a part of the page.
function drawCharts(root) {
  if (typeof Chart === 'undefined') {
    return;
  }
  root.querySelectorAll('canvas.report-chart').forEach(function (canvas) {
    if (Chart.getChart(canvas)) {
      return; // already drawn (the swap replaced something else)
    }
    var data = JSON.parse(canvas.dataset.chart || '{"labels":[],"values":[]}');
    var funnel = canvas.dataset.chartType === 'funnel';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels.map(function (label) { return label === null ? '—' : String(label); }),
        datasets: [{ data: data.values.map(Number), backgroundColor: funnel ? '#6f42c1' : '#0d6efd' }]
      },
      options: {
        indexAxis: funnel ? 'y' : 'x',
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  });
}

// Progress bars carry their width as data (inline styles are refused by the page's Content-Security-Policy).
function sizeBars(root) {
  root.querySelectorAll('.progress-bar[data-width]').forEach(function (bar) {
    bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.width))) + '%';
  });
}

document.addEventListener('DOMContentLoaded', function () {
  drawCharts(document);
  sizeBars(document);
});
document.addEventListener('htmx:afterSettle', function (event) {
  drawCharts(event.target);
  sizeBars(event.target);
});
