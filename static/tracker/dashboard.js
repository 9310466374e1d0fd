/* Dashboard charts; the numbers come from a json_script block (no inline scripts under the CSP). */
(function () {
  "use strict";

  const COLORS = ["#2f6fb0", "#dc3545", "#fd7e14", "#28a745", "#6f42c1", "#20c997", "#ffc107", "#6c757d",
                  "#17a2b8", "#e83e8c"];

  function chart(id, type, rows, options) {
    const canvas = document.getElementById(id);
    if (!canvas || !rows.length) return;
    new Chart(canvas, {
      type: type,
      data: {
        labels: rows.map(function (r) { return r.label; }),
        datasets: [{
          label: "Cases",
          data: rows.map(function (r) { return r.n; }),
          backgroundColor: type === "line" ? "rgba(47,111,176,0.2)" : rows.map(function (_, i) { return COLORS[i % COLORS.length]; }),
          borderColor: "#2f6fb0",
          fill: type === "line",
          tension: 0.2,
        }],
      },
      options: Object.assign({
        animation: false,  // drawn at once: screenshots, print and slow machines see the final chart
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      }, options || {}),
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const data = JSON.parse(document.getElementById("dashboard-data").textContent);
    chart("chart-months", "line", data.months);
    chart("chart-categories", "bar", data.categories, {
      indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    });
    chart("chart-hosts", "bar", data.hosts.slice(0, 15));
    chart("chart-origins", "bar", data.origins.slice(0, 15));
  });
})();
