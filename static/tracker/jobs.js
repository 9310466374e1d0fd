/* Follow ingest jobs in flight: poll /jobs/status.json until every listed job has finished. */
(function () {
  "use strict";

  const BADGES = { queued: "badge-light", running: "badge-info", done: "badge-success", duplicate: "badge-secondary",
                   empty: "badge-secondary", failed: "badge-danger" };

  function update(job) {
    document.querySelectorAll('[data-job-id="' + job.id + '"]').forEach(function (row) {
      const badge = row.querySelector(".job-status");
      if (badge) {
        badge.textContent = job.status_label;
        badge.className = "badge job-status " + (BADGES[job.status] || "badge-light");
      }
      const error = row.querySelector(".job-error");
      if (error) error.textContent = job.error || "";
      const duration = row.querySelector(".job-duration");
      if (duration && job.duration != null) duration.textContent = job.duration.toFixed(1) + " s";
    });
  }

  function poll(config, delay) {
    if (!config.ids.length) return;
    fetch(config.url + "?ids=" + config.ids.join(","), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        data.jobs.forEach(update);
        config.ids = data.jobs.filter(function (j) { return !j.finished; }).map(function (j) { return j.id; });
        const notice = document.getElementById("jobs-progress");
        if (notice) notice.textContent = config.ids.length ? config.ids.length + " job(s) still running…" : "All jobs finished.";
        window.setTimeout(function () { poll(config, Math.min(delay * 1.5, 10000)); }, delay);
      })
      .catch(function () { window.setTimeout(function () { poll(config, 10000); }, 10000); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const source = document.getElementById("jobs-poll");
    if (source) poll(JSON.parse(source.textContent), 1500);
  });
})();
