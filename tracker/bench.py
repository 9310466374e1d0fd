"""Benchmarks behind `make bench`: each figure is printed as `bench: NAME = VALUE UNIT`.

Ingest: generated ~400-word articles pushed through the broker to real worker processes
(`celery worker --pool=solo`, one process each) writing to the configured database.
Pages: the Django test client against the configured database at the requested scale (demo
data is generated up to it), server time per request, SQL queries per page, and the slowest
query of each page re-run under EXPLAIN ANALYZE: the floor the page cannot beat.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tracker import services
from tracker.demo import demo_article
from tracker.ingest.pipeline import jobs_create_for_paths
from tracker.models import Concern, IngestJob

Report = Callable[[str, float, str], None]


def report_line(name: str, value: float, unit: str) -> str:
    return f"bench: {name} = {value:.4g} {unit}"


# A fixed text for the machine reference: words, capitalised names and numbers, like an article.
_REFERENCE_TEXT = " ".join(
    f"The Port of Example {n} is run by Sample Logistics {n % 7} GmbH, said the agency on {n % 28 + 1} May."
    for n in range(400)
)


def machine_reference_ms(repeats: int = 5) -> float:
    """CPU milliseconds of a fixed pure-Python workload (regex scans, dict counting, string work)
    that uses no project code: the machine's own speed, best of `repeats`.

    Shared machines of one kind differ by 2-3x in speed per core, and one machine drifts with its
    neighbours' load: figures from two runs compare only alongside their references. It is a
    reading of the machine, not a conversion factor (nothing shows the figures scale with it).
    """
    words = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        counts: dict[str, int] = {}
        for _ in range(20):
            for match in words.finditer(_REFERENCE_TEXT):
                name = match.group().casefold()
                counts[name] = counts.get(name, 0) + 1
            sum(len(w) for w in _REFERENCE_TEXT.split())
        best = min(best, (time.process_time() - started) * 1000)
    return best


def _start_workers(count: int, log_dir: Path) -> list[subprocess.Popen]:
    workers = []
    for n in range(count):
        log = (log_dir / f"worker-{n}.log").open("w")
        workers.append(
            subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--without-gossip",
                 "--without-mingle", "--without-heartbeat", "--loglevel=WARNING", f"--hostname=bench{n}@%h"],
                cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        )  # fmt: skip
    return workers


def _peak_rss_mb(process: subprocess.Popen) -> float:
    try:
        for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_seconds(process: subprocess.Popen) -> float:
    """User + system CPU the process has used: a figure that other load on the machine barely moves."""
    try:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def _stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        try:
            os.killpg(worker.pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)


def _run_batch(folder: Path, timeout: float) -> tuple[float, int, float]:
    """(seconds until every file is done, files done, seconds more until search finds every case)."""
    jobs = jobs_create_for_paths([folder])
    # Polled through the batch's index: asking by 400 ids every 20 ms took ~1.3 ms of CPU a poll
    # (~0.2 ms this way) from a machine whose two cores the worker and PostgreSQL share.
    batch = IngestJob.objects.filter(batch=jobs[0].batch)
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    unfinished = [IngestJob.Status.QUEUED, IngestJob.Status.RUNNING]
    while batch.filter(status__in=unfinished).exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the workers did not finish {len(jobs)} files in {timeout:.0f}s")
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    while Concern.objects.filter(search_stale=True).exists():
        if time.monotonic() > deadline:
            raise RuntimeError("the workers did not refresh the search fields of the new cases")
        time.sleep(0.02)
    lag = time.perf_counter() - started - elapsed
    return elapsed, batch.filter(status=IngestJob.Status.DONE).count(), lag


def bench_ingest(*, articles: int, report: Report, rounds: int = 3) -> None:
    """Throughput with one and with two worker processes (median of `rounds`), and a worker's peak memory."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        raise RuntimeError("the ingest benchmark needs CELERY_BROKER_URL (real worker processes)")
    if connection.vendor != "postgresql":
        print("bench: note: the database is not PostgreSQL; figures are not comparable", file=sys.stderr)
    rates: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}  # worker CPU ms per article
    peak = 0.0
    lags: list[float] = []  # 1 worker: from the last file done to every case searchable
    references: list[float] = []
    run = int(time.time())  # fresh article texts on every run: nothing is a duplicate
    cache.delete(services.SEARCH_STALE_PENDING_KEY)  # a refresh an interrupted run queued is gone
    with tempfile.TemporaryDirectory(prefix="fi-bench-") as tmp:
        tmp_path = Path(tmp)
        for round_ in range(rounds):
            for count in (1, 2):
                workers = _start_workers(count, tmp_path)
                try:
                    warm = tmp_path / f"warm-{round_}-{count}"
                    warm.mkdir()
                    for i in range(2 * count):  # build each worker's gazetteer before the clock starts
                        article = demo_article(i, seed=run * 1000 + 500 + 10 * round_ + count)
                        (warm / article.name).write_text(article.text)
                    _run_batch(warm, timeout=300)
                    folder = tmp_path / f"batch-{round_}-{count}"
                    folder.mkdir()
                    for i in range(articles):
                        article = demo_article(i, seed=run * 1000 + 10 * round_ + count)
                        (folder / article.name).write_text(article.text)
                    references.append(machine_reference_ms())
                    cpu_before = sum(_cpu_seconds(w) for w in workers)
                    elapsed, done, lag = _run_batch(folder, timeout=600)
                    cpu[count].append((sum(_cpu_seconds(w) for w in workers) - cpu_before) * 1000 / articles)
                    if done != articles:
                        raise RuntimeError(f"only {done} of {articles} files were ingested; see the worker logs")
                    rates[count].append(articles / elapsed)
                    if count == 1:
                        lags.append(lag)
                    peak = max([peak, *(_peak_rss_mb(w) for w in workers)])
                finally:
                    _stop(workers)
    one, two = sorted(rates[1]), sorted(rates[2])
    median_one, median_two = one[len(one) // 2], two[len(two) // 2]
    report("ingest_1_worker", median_one, "articles/s")
    report("ingest_1_worker_spread", one[-1] - one[0], "articles/s")
    report("ingest_2_workers", median_two, "articles/s")
    report("ingest_2_workers_spread", two[-1] - two[0], "articles/s")
    report("ingest_ratio_2_to_1", median_two / median_one, "x")
    report("ingest_worker_peak_rss", peak, "MB")
    # Search fields are rebuilt in batches a moment after the files (services.search_refresh_soon).
    report("ingest_search_lag", _percentile(lags, 0.5) * 1000, "ms")
    # Where a worker's time goes: its own CPU per article; the rest of 1000/rate is waiting,
    # mostly for PostgreSQL.
    report("ingest_worker_cpu_per_article", sorted(cpu[1])[len(cpu[1]) // 2], "ms")
    report("ingest_machine_reference", _percentile(references, 0.5), "ms")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _explain_ms(sql: str) -> float:
    """Execution time PostgreSQL reports for one captured query (parameters are inlined in it)."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = plan[0] if isinstance(plan, list) else plan
    return float(plan["Execution Time"]) + float(plan.get("Planning Time", 0))


def _pages() -> list[tuple[str, str]]:
    from django.urls import reverse

    from tracker.models import Agency, Company

    concern = Concern.objects.order_by("-last_reported", "-id").first()
    # A parent whose own cases show too: a group page with nothing to list would flatter it.
    groups = Company.objects.filter(subsidiaries__isnull=False)
    company = groups.filter(concerns__isnull=False).order_by("id").first() or groups.first() or Company.objects.first()
    agency = Agency.objects.filter(concerns__isnull=False).order_by("id").first()
    cases_url = reverse("tracker:concerns")
    pages = [
        ("dashboard", reverse("tracker:dashboard")),
        # The same page right after an ingest or an edit cleared its cached aggregates.
        ("dashboard_uncached", reverse("tracker:dashboard")),
        ("case_list", cases_url),
        ("case_list_host_country", f"{cases_url}?host_country=DE"),
        ("case_list_origin_country", f"{cases_url}?origin_country=CN"),
        ("case_list_category", f"{cases_url}?category=espionage"),
        ("case_list_status", f"{cases_url}?status=monitoring"),
        ("case_list_agency", f"{cases_url}?agency={agency.pk if agency else 0}"),
        ("case_list_company_group", f"{cases_url}?company={company.pk if company else 0}"),
        ("case_list_sector", f"{cases_url}?sector=logistics"),
        ("case_list_reported_range", f"{cases_url}?reported_from=2020-01-01&reported_to=2020-12-31"),
        ("case_list_review_state", f"{cases_url}?review_state=confirmed"),
        ("case_list_sorted_title", f"{cases_url}?sort=title"),
        ("search_common_word", f"{cases_url}?q=security"),
        ("search_rare_word", f"{cases_url}?q=Nuctech"),
        ("case_detail", reverse("tracker:concern", args=[concern.pk]) if concern else ""),
        ("company_detail", reverse("tracker:company", args=[company.pk]) if company else ""),
        ("admin_concern_changelist", reverse("admin:tracker_concern_changelist")),
        ("admin_article_changelist", reverse("admin:tracker_article_changelist")),
    ]
    return [(name, url) for name, url in pages if url]


def bench_pages(*, cases: int, report: Report, requests: int = 15, rounds: int = 3) -> None:
    """p50 / p95 server time, SQL query count and the EXPLAIN ANALYZE floor of each page.

    Each page is timed in `rounds` series of `requests`; the figures are the medians of the
    series, with the spread (max - min) of the p95s: the machine is shared and noisy.
    """
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    have = Concern.objects.count()
    if have < cases:
        call_command("generate_demo_data", cases=cases - have, verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    report("pages_scale_cases", Concern.objects.count(), "cases")
    user, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    client = Client()
    client.force_login(user)
    cache.clear()
    references = []
    for name, url in _pages():
        references.append(machine_reference_ms())
        client.get(url)  # warm caches and connections, as a site in use has them
        p50s, p95s = [], []
        for _ in range(rounds):
            timings = []
            for _ in range(requests):
                if name.endswith("_uncached"):
                    cache.clear()
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{name}: {url} answered {response.status_code}")
            p50s.append(_percentile(timings, 0.5))
            p95s.append(_percentile(timings, 0.95))
        if name.endswith("_uncached"):
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        report(f"{name}_p50", _percentile(p50s, 0.5), "ms")
        report(f"{name}_p95", _percentile(p95s, 0.5), "ms")
        report(f"{name}_p95_spread", max(p95s) - min(p95s), "ms")
        report(f"{name}_queries", len(queries.captured_queries), "queries")
        reads = [q for q in queries.captured_queries if q["sql"].lstrip("( ").upper().startswith(("SELECT", "WITH"))]
        if connection.vendor == "postgresql" and reads:
            slowest = max(reads, key=lambda q: float(q["time"]))
            report(f"{name}_main_query_explain", _explain_ms(slowest["sql"]), "ms")
    report("pages_machine_reference", _percentile(references, 0.5), "ms")
