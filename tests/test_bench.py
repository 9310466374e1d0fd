"""`make bench`: the command's guard and the page benchmark's figures, on a tiny register.

Speed itself is never asserted here (the machine is shared); these tests check that every
figure the issue asks for is printed, in the `bench: NAME = VALUE UNIT` form, and that every
benchmarked page answers.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.conftest import need_postgres, postgres_params, postgres_url
from tracker import bench

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^bench: (?P<name>[a-z0-9_]+) = (?P<value>[-+0-9.e]+|nan|inf) (?P<unit>\S+)$")


def test_report_lines_have_the_documented_shape():
    assert bench.report_line("ingest_1_worker", 25.3149, "articles/s") == "bench: ingest_1_worker = 25.31 articles/s"
    assert LINE.match(bench.report_line("case_list_p95", 79.66, "ms"))


def test_the_command_refuses_a_database_not_named_for_benchmarks():
    # The test database is called test_<something>: wiping it is exactly what the guard prevents.
    with pytest.raises(CommandError, match="refusing to run on database"):
        call_command("bench", "--skip-ingest", "--cases", "10")


def test_the_page_benchmark_prints_every_figure_for_every_page():
    lines: list[tuple[str, float, str]] = []
    bench.bench_pages(cases=30, requests=2, rounds=2, report=lambda *line: lines.append(line))

    printed = [bench.report_line(*line) for line in lines]
    assert all(LINE.match(text) for text in printed), printed
    figures = {name: value for name, value, _unit in lines}
    assert figures["pages_scale_cases"] >= 30
    for page in (
        "dashboard", "dashboard_uncached", "case_list", "case_list_host_country", "case_list_origin_country",
        "case_list_category",
        "case_list_status", "case_list_agency", "case_list_company_group", "case_list_sector",
        "case_list_reported_range", "case_list_review_state", "case_list_sorted_title", "search_common_word",
        "search_rare_word", "case_detail", "company_detail", "admin_concern_changelist", "admin_article_changelist",
    ):  # fmt: skip
        for figure in ("p50", "p95", "p95_spread", "queries"):
            assert not math.isnan(figures[f"{page}_{figure}"]), f"{page}_{figure}"
        assert figures[f"{page}_p50"] <= figures[f"{page}_p95"]
        assert 0 < figures[f"{page}_queries"] <= 20, page
        if connection.vendor == "postgresql":
            assert figures[f"{page}_main_query_explain"] >= 0, page
    assert 0 < figures["pages_machine_reference"] < 10_000


def test_a_workers_cpu_time_is_read_from_proc():
    class This:  # the fields of subprocess.Popen the reader uses
        pid = os.getpid()

    before = bench._cpu_seconds(This())
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:
        pass
    assert 0.15 <= bench._cpu_seconds(This()) - before < 5


def test_the_machine_reference_is_cpu_time_of_a_fixed_workload():
    # Not a speed assertion: only that it is the CPU time of one run, the fastest of those made.
    started = time.process_time()
    best = bench.machine_reference_ms(repeats=4)
    spent = (time.process_time() - started) * 1000
    assert math.isfinite(best) and best > 0
    assert 4 * best <= spent * 1.01  # the best of four runs, each timed on its own


@pytest.mark.django_db(transaction=True)
def test_fresh_drops_and_recreates_the_bench_database():
    need_postgres()
    import psycopg

    name = f"{connection.settings_dict['NAME']}_bench_fresh"[:63]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(DEBUG="1", REDIS_URL="", CELERY_BROKER_URL="", DATABASE_URL=postgres_url(name))

    def bench_command(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "manage.py", "bench", "--skip-ingest", "--skip-pages", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr

    try:
        bench_command()  # creates the database and migrates it
        with psycopg.connect(**postgres_params(name), autocommit=True) as conn:
            conn.execute("CREATE TABLE left_by_an_earlier_run (id int)")
        bench_command("--fresh")
        with psycopg.connect(**postgres_params(name), autocommit=True) as conn:
            tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert "left_by_an_earlier_run" not in tables and "tracker_concern" in tables
    finally:
        with psycopg.connect(**postgres_params("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
