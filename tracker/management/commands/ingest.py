"""python manage.py ingest PATH... : queue one job per file, show progress, end with a summary."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.ingest.pipeline import jobs_create_for_paths
from tracker.models import IngestJob


def wait_for(job_ids: list[int], *, progress: tqdm, poll: float = 0.5, timeout: float | None = None) -> list[IngestJob]:
    """Poll the jobs until every one has finished (or the timeout passes), advancing the bar."""
    started, done = time.monotonic(), 0
    unfinished = [IngestJob.Status.QUEUED, IngestJob.Status.RUNNING]
    while True:
        pending = IngestJob.objects.filter(pk__in=job_ids, status__in=unfinished).count()
        progress.update(len(job_ids) - pending - done)
        done = len(job_ids) - pending
        if not pending or (timeout is not None and time.monotonic() - started > timeout):
            break
        time.sleep(poll)
    return list(IngestJob.objects.filter(pk__in=job_ids).defer("payload").order_by("pk"))


def summarize(jobs: list[IngestJob]) -> tuple[list[str], bool]:
    """The closing lines: counts by outcome, then every failed file with its reason."""
    counts = {status: 0 for status in IngestJob.Status.values}
    for job in jobs:
        counts[job.status] += 1
    lines = [
        f"ingested {counts['done']}, duplicate {counts['duplicate']}, empty {counts['empty']}, "
        f"failed {counts['failed']}"
        + (f", still queued {counts['queued'] + counts['running']}" if counts["queued"] + counts["running"] else "")
    ]
    lines += [f"  failed: {job.path or job.source_name}: {job.error}" for job in jobs if job.status == "failed"]
    return lines, counts["failed"] > 0


class Command(BaseCommand):
    help = "Ingest news files and folders (recursively): text, HTML, RSS/Atom, JSON/JSON Lines, e-mail."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--wait", action="store_true", help="with a broker, wait for the workers to finish")
        parser.add_argument("--timeout", type=float, default=None, help="with --wait, give up after this many seconds")

    def handle(self, *args, **options) -> None:
        eager = settings.CELERY_TASK_ALWAYS_EAGER
        jobs = jobs_create_for_paths(options["paths"], enqueue=False)
        queued = [job for job in jobs if job.status == IngestJob.Status.QUEUED]
        from tracker.tasks import ingest_file

        with tqdm(total=len(jobs), unit="file", disable=options["verbosity"] == 0, file=self.stderr) as progress:
            progress.update(len(jobs) - len(queued))
            for job in queued:
                ingest_file.delay(job.pk)
                if eager:
                    progress.update(1)
            if not eager and not options["wait"]:
                progress.close()
                self.stdout.write(
                    f"queued {len(queued)} file(s) for the workers (batch {jobs[0].batch if jobs else '-'}); "
                    "use --wait to follow them"
                )
                return
            if not eager:
                jobs = wait_for([j.pk for j in jobs], progress=progress, timeout=options["timeout"])
        if eager:
            jobs = list(IngestJob.objects.filter(pk__in=[j.pk for j in jobs]).defer("payload").order_by("pk"))
        lines, failed = summarize(jobs)
        for line in lines:
            self.stdout.write(line)
        if failed:
            raise CommandError("some files failed (reasons above)", returncode=1)
