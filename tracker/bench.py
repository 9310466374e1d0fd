"""Benchmarks behind `make bench`: each figure is printed as `bench: NAME = VALUE UNIT`.

Ingest: generated ~400-word articles pushed through the broker to real worker processes
(`celery worker --pool=solo`, one process each) writing to the configured database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

from tracker.demo import demo_article
from tracker.ingest.pipeline import jobs_create_for_paths
from tracker.models import Agency, Article, Company, Concern, Facility, IngestJob, ReviewState

Report = Callable[[str, float, str], None]


def report_line(name: str, value: float, unit: str) -> str:
    return f"bench: {name} = {value:.4g} {unit}"


def _reset_ingested() -> None:
    """Each round starts from the reference data alone, so rounds are comparable."""
    Article.objects.all().delete()
    IngestJob.objects.all().delete()
    Concern.objects.all().delete()
    Facility.objects.all().delete()
    Company.objects.exclude(review_state=ReviewState.CONFIRMED).delete()
    Agency.objects.exclude(review_state=ReviewState.CONFIRMED).delete()


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


def _run_batch(folder: Path, timeout: float) -> tuple[float, int]:
    jobs = jobs_create_for_paths([folder])
    ids = [j.pk for j in jobs]
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    unfinished = [IngestJob.Status.QUEUED, IngestJob.Status.RUNNING]
    while IngestJob.objects.filter(pk__in=ids, status__in=unfinished).exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the workers did not finish {len(ids)} files in {timeout:.0f}s")
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    return elapsed, IngestJob.objects.filter(pk__in=ids, status=IngestJob.Status.DONE).count()


def bench_ingest(*, articles: int, report: Report, rounds: int = 3) -> None:
    """Throughput with one and with two worker processes (median of `rounds`), and a worker's peak memory."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        raise RuntimeError("the ingest benchmark needs CELERY_BROKER_URL (real worker processes)")
    if connection.vendor != "postgresql":
        print("bench: note: the database is not PostgreSQL; figures are not comparable", file=sys.stderr)
    rates: dict[int, list[float]] = {1: [], 2: []}
    peak = 0.0
    with tempfile.TemporaryDirectory(prefix="fi-bench-") as tmp:
        tmp_path = Path(tmp)
        for round_ in range(rounds):
            for count in (1, 2):
                _reset_ingested()
                workers = _start_workers(count, tmp_path)
                try:
                    warm = tmp_path / f"warm-{round_}-{count}"
                    warm.mkdir()
                    for i in range(2 * count):  # build each worker's gazetteer before the clock starts
                        article = demo_article(i, seed=10_000 + 100 * round_ + count)
                        (warm / article.name).write_text(article.text)
                    _run_batch(warm, timeout=300)
                    folder = tmp_path / f"batch-{round_}-{count}"
                    folder.mkdir()
                    for i in range(articles):
                        article = demo_article(i, seed=100 * round_ + count)
                        (folder / article.name).write_text(article.text)
                    elapsed, done = _run_batch(folder, timeout=600)
                    if done != articles:
                        raise RuntimeError(f"only {done} of {articles} files were ingested; see the worker logs")
                    rates[count].append(articles / elapsed)
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
    _reset_ingested()
