"""python manage.py generate_demo_data --cases N : synthetic records at scale (see tracker/demo_data.py)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries

from tracker.demo_data import Plan, demo_data_generate


class Command(BaseCommand):
    help = (
        "Generate synthetic company groups, facilities, agencies, cases, articles, evidence and events: "
        "per case about 0.25 companies, 0.3 facilities, 2.2 articles, 2.5 events and 16 evidence rows. "
        "Reproducible with --seed on an empty database. Safe to run again: each run adds a new set with "
        "its own names, URLs and content hashes (its run number is in the article file names, "
        "synthetic-RUN-SEED-N.txt). Agencies already present are reused. Writes no history rows."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--cases", type=int, required=True, help="number of cases (concerns) to make")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="cases (or companies, facilities) per transaction"
        )

    def handle(self, *args, **options) -> None:
        cases, batch_size = options["cases"], options["batch_size"]
        if cases < 1 or batch_size < 1:
            raise CommandError("--cases and --batch-size must be at least 1")
        plan = Plan.for_cases(cases)
        self.stdout.write(
            f"planned: {plan.cases} cases, {plan.companies} companies, {plan.facilities} facilities, "
            f"~{plan.articles} articles"
        )
        started = time.monotonic()
        shown = {"at": 0.0}

        def progress(stage: str, done: int, total: int) -> None:
            # With DEBUG on, Django keeps every statement; a long run would hold them all.
            reset_queries()
            now = time.monotonic()
            if done == total or now - shown["at"] >= 2:
                shown["at"] = now
                self.stdout.write(f"  {stage}: {done}/{total} ({now - started:.0f}s)")
                self.stdout.flush()

        counts = demo_data_generate(cases=cases, seed=options["seed"], batch_size=batch_size, progress=progress)
        run, seconds = counts.pop("run"), counts.pop("seconds")
        width = max(len(k) for k in counts)
        self.stdout.write(self.style.SUCCESS(f"run {run} done in {seconds}s; rows created:"))
        for name, value in counts.items():
            self.stdout.write(f"  {name:<{width}}  {value:>10,}")
