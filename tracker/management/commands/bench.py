"""python manage.py bench : print benchmark figures as `bench: NAME = VALUE UNIT` lines.

It writes generated articles and demo records into the database, so it runs only on a database
whose name says "bench" (`make bench` points DATABASE_URL at one). Ingest slows as the database
grows: --fresh (what `make bench` passes) drops and recreates it first, so runs start alike.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tracker import bench, services
from tracker.ingest.resolve import gazetteer_reset


def database_ensure(*, fresh: bool = False) -> None:
    """Create the PostgreSQL database named in DATABASE_URL when it does not exist yet (fresh: drop
    it first, so that runs start alike: ingest slows as the database grows)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg
    from psycopg import sql

    params = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"] or None,
              "password": db["PASSWORD"] or None, "dbname": "postgres"}  # fmt: skip
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        if fresh:
            connection.close()
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db["NAME"])))
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))


class Command(BaseCommand):
    help = "Benchmarks: ingest throughput with 1 and 2 worker processes; page timings at --cases scale."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--cases", type=int, default=10_000, help="scale of the page benchmark")
        parser.add_argument("--articles", type=int, default=400, help="articles per ingest round")
        parser.add_argument("--rounds", type=int, default=3, help="runs of each figure; the median is printed")
        parser.add_argument("--skip-ingest", action="store_true")
        parser.add_argument("--skip-pages", action="store_true")
        parser.add_argument(
            "--fresh", action="store_true", help="drop and recreate the bench database first (PostgreSQL)"
        )

    def handle(self, *args, **options) -> None:
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(
                f"refusing to run on database {name!r}: the benchmark fills it with generated records; "
                "point DATABASE_URL at a database whose name contains 'bench' (make bench does)"
            )
        database_ensure(fresh=options["fresh"])
        call_command("migrate", verbosity=0)
        services.gazetteer_load()
        gazetteer_reset()

        def report(metric: str, value: float, unit: str) -> None:
            self.stdout.write(bench.report_line(metric, value, unit))
            self.stdout.flush()

        if not options["skip_ingest"]:
            bench.bench_ingest(articles=options["articles"], rounds=options["rounds"], report=report)
        if not options["skip_pages"]:
            bench.bench_pages(cases=options["cases"], rounds=options["rounds"], report=report)
