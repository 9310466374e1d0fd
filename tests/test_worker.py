"""Real Celery worker processes on Redis, writing to PostgreSQL, as in production.

The `ingest` command queues through the broker; workers are separate processes. One test kills a
worker with SIGKILL in the middle of a batch, starts another, and checks every file was
ingested exactly once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import need_postgres, need_redis, postgres_url
from tracker.models import Article, Concern, IngestJob
from tracker.search import concerns_matching

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = """Title: Security service reviews hub {n}

The security service of Denmark is monitoring the logistics hub of Fjordline Cargo {n} in Aarhus over
possible espionage, officials said. Fjordline Cargo {n} is a unit of Baltic Freight Holdings {n}.
Number {n} of the batch, written for the worker test, with its own words: {words}.
"""


def _env(broker: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DEBUG="1",
        DATABASE_URL=postgres_url(),
        CELERY_BROKER_URL=broker,
        CELERY_VISIBILITY_TIMEOUT="5",
        REDIS_URL="",
    )
    return env


def _worker(env: dict[str, str], name: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--concurrency=1",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            f"--hostname={name}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _beat(env: dict[str, str], folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
         f"--schedule={folder / 'beat-schedule'}", f"--pidfile={folder / 'beat.pid'}"],
        cwd=ROOT, env=env, stdout=(folder / "beat.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def _kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    process.wait(timeout=30)


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def broker():
    need_postgres()
    url = need_redis().rsplit("/", 1)[0] + "/13"
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


def _write_batch(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        words = " ".join(f"w{n}x{i}" for i in range(40))
        (folder / f"hub-{n:03d}.txt").write_text(TEMPLATE.format(n=n, words=words))


def test_a_worker_ingests_a_folder_queued_through_the_broker(broker, tmp_path):
    _write_batch(tmp_path / "batch", 5)
    env = _env(broker)
    worker = _worker(env, "w1", tmp_path / "worker.log")
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "ingest", str(tmp_path / "batch"), "--wait", "--timeout", "120"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        # The worker rebuilds the new cases' search fields a moment after the files.
        if result.returncode == 0:
            _wait(lambda: not Concern.objects.filter(search_stale=True).exists(), 60, "the search refresh")
    finally:
        _kill(worker, signal.SIGTERM)
    assert result.returncode == 0, result.stdout + result.stderr + (tmp_path / "worker.log").read_text()
    assert "ingested 5, duplicate 0, empty 0, failed 0" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert Article.objects.count() == 5
    # Found by a word only the third article's text has, and by a company's name.
    assert concerns_matching(Concern.objects.all(), "w3x7").count() == 1
    assert concerns_matching(Concern.objects.all(), "Fjordline").count() == Concern.objects.count() > 0


def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(broker, tmp_path):
    count = 40
    _write_batch(tmp_path / "batch", count)
    env = _env(broker)
    queued = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(tmp_path / "batch")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert queued.returncode == 0 and f"queued {count} file(s)" in queued.stdout, queued.stdout + queued.stderr

    first = _worker(env, "first", tmp_path / "first.log")
    try:
        _wait(lambda: IngestJob.objects.filter(status="done").count() >= 3, 120, "the first worker to start")
    finally:
        _kill(first)  # SIGKILL to the worker and its pool: no clean shutdown, no acks
    done_at_kill = IngestJob.objects.filter(status="done").count()
    assert done_at_kill < count, "the batch finished before the kill; make it bigger"

    # The broker can lose a message the killed worker was taking: beat sends the message again of
    # every job still waiting after the visibility timeout (5 s here), checking every 2 s.
    beat = _beat({**env, "REQUEUE_LOST_SECONDS": "2"}, tmp_path)
    second = _worker(env, "second", tmp_path / "second.log")
    try:
        _wait(
            lambda: IngestJob.objects.filter(status__in=["done", "duplicate", "failed"]).count() == count,
            180,
            "the second worker to finish the batch",
        )
    finally:
        _kill(second, signal.SIGTERM)
        _kill(beat, signal.SIGTERM)

    statuses = set(IngestJob.objects.values_list("status", flat=True))
    assert statuses == {"done"}, statuses
    assert Article.objects.count() == count
    names = sorted(Article.objects.values_list("source_file", flat=True))
    assert names == [f"hub-{n:03d}.txt" for n in range(count)]
    assert "second@" in (tmp_path / "second.log").read_text()
