"""One file's trip: read -> clean -> extract -> resolve -> store, and the jobs that carry it.

Entry points (the `ingest` command, the upload page, the inbox scan, feed polling) only create
IngestJobs and queue them; `job_run` is what a worker does with one. Bad input never raises out
of `job_run`: it ends as a failed job with a reason a person understands. Database and broker
errors do raise, so the Celery task can retry them.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from tracker.ingest import resolve, store
from tracker.ingest.clean import clean
from tracker.ingest.extract import extract
from tracker.ingest.read import read_bytes, read_file
from tracker.ingest.types import IngestError, RawArticle
from tracker.models import Feed, IngestJob
from tracker.selectors import dashboard_refresh_soon

logger = logging.getLogger(__name__)

# Errors worth another try later: the database restarting, a dropped connection, or another
# worker creating the same record a moment earlier (a unique constraint the retry will satisfy).
RETRYABLE = (OperationalError, InterfaceError, IntegrityError)
MAX_ATTEMPTS = 5


def _enqueue(job_ids: Iterable[int]) -> None:
    """Send each job's message once the transaction that wrote the jobs commits."""
    from tracker.tasks import ingest_file

    for job_id in job_ids:
        transaction.on_commit(lambda pk=job_id: ingest_file.delay(pk))


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def _job_read(job: IngestJob) -> list[RawArticle]:
    if job.payload is not None:
        return read_bytes(bytes(job.payload), source_file=job.source_name, max_bytes=settings.INGEST_MAX_BYTES)
    path = Path(job.path)
    if not path.exists():
        raise IngestError("the file no longer exists (deleted or moved before a worker could read it)")
    real = path.resolve()
    if job.root and not _inside(real, Path(job.root).resolve()):
        raise IngestError(f"refused: {path.name} points outside the folder being ingested ({job.root})")
    if settings.INGEST_ROOTS and not any(_inside(real, root) for root in settings.INGEST_ROOTS):
        raise IngestError("refused: the file is outside the allowed ingest folders (INGEST_ROOTS)")
    return read_file(real, max_bytes=settings.INGEST_MAX_BYTES)


def _finish(job: IngestJob, articles: Iterable[int] = (), **values) -> None:
    """Write the outcome and link the job to its articles (by id), and keep the in-memory job in
    step so nobody reads it back."""
    values["finished_at"] = timezone.now()
    links = IngestJob.articles.through
    rows = [links(ingestjob_id=job.pk, article_id=pk) for pk in articles]
    store.rows_insert([(rows, True)], then=store.update_sql(IngestJob, [job.pk], values))
    for name, value in values.items():
        setattr(job, name, value)


def _claim(job_id: int) -> IngestJob | None:
    """Mark a queued (or interrupted) job running and return it as it now is; None when it is not there to run.

    One UPDATE ... RETURNING where the database has it (PostgreSQL, SQLite 3.35+), else an
    UPDATE and a read.
    """
    now = timezone.now()
    statuses = [IngestJob.Status.QUEUED, IngestJob.Status.RUNNING]
    if not store.can_return_rows():
        claimable = IngestJob.objects.filter(pk=job_id, status__in=statuses)
        values = {"status": IngestJob.Status.RUNNING, "started_at": now, "attempts": F("attempts") + 1, "error": ""}
        return IngestJob.objects.get(pk=job_id) if claimable.update(**values) else None
    started = IngestJob._meta.get_field("started_at").get_db_prep_save(now, connection)
    params = [IngestJob.Status.RUNNING, started, job_id, *statuses]
    return next(iter(IngestJob.objects.raw(_claim_sql(), params)), None)


@functools.cache
def _claim_sql() -> str:
    # Written once: the ORM composed it for every file.
    qn = connection.ops.quote_name
    opts = IngestJob._meta
    columns = ", ".join(qn(f.column) for f in opts.concrete_fields)
    status, attempts = qn("status"), qn("attempts")
    return (
        f"UPDATE {qn(opts.db_table)} SET {status} = %s, {qn('started_at')} = %s, {attempts} = {attempts} + 1, "  # noqa: S608
        f"{qn('error')} = '' WHERE {qn(opts.pk.column)} = %s AND {status} IN (%s, %s) RETURNING {columns}"
    )


def job_run(*, job_id: int) -> IngestJob | None:
    """Process one queued job. Returns it finished, or None when there was nothing to do."""
    job = _claim(job_id)
    if job is None:
        logger.info("ingest job %s is gone or already finished; nothing to do", job_id)
        return None
    try:
        articles = [clean(raw) for raw in _job_read(job)]
        articles = [a for a in articles if a.text.strip()]
        if not articles:
            _finish(job, status=IngestJob.Status.EMPTY, error="the file holds no article text")
            return _finished(job)
        gazetteer = resolve.gazetteer_current()
        extractions = [extract(article, gazetteer) for article in articles]
        with transaction.atomic():
            results = [store.article_store(a, e) for a, e in zip(articles, extractions, strict=True)]
            created = sum((r.created for r in results), Counter())
            fresh = [r for r in results if not r.duplicate]
            summary = {
                "articles": len(fresh),
                "duplicates": len(results) - len(fresh),
                "created": dict(created),
                "titles": [r.article.title for r in results[:20]],
            }
            _finish(
                job,
                {r.article.pk for r in results},
                status=IngestJob.Status.DONE if fresh else IngestJob.Status.DUPLICATE,
                summary=summary,
                content_hash=results[0].article.content_hash,
                payload=None,  # the articles are stored; the bytes were only needed until now
            )
            transaction.on_commit(dashboard_refresh_soon)
    except IngestError as error:
        _finish(job, status=IngestJob.Status.FAILED, error=str(error))
        logger.info("ingest job %s (%s) failed: %s", job.pk, job.source_name, error)
    except SoftTimeLimitExceeded:
        _finish(
            job,
            status=IngestJob.Status.FAILED,
            error=f"took longer than the {settings.CELERY_TASK_SOFT_TIME_LIMIT}-second limit per file",
        )
    except RETRYABLE as error:
        resolve.agency_cache_reset()  # the file may have met an agency merged away since it was cached
        if job.attempts < MAX_ATTEMPTS:
            raise
        _finish(job, status=IngestJob.Status.FAILED, error=f"gave up after {job.attempts} attempts: {error}")
    except DatabaseError as error:
        # A constraint or data error on one file must not stop the worker; it is a bug to look at.
        logger.exception("ingest job %s (%s) hit a database error", job.pk, job.source_name)
        _finish(job, status=IngestJob.Status.FAILED, error=f"could not store the records: {error}")
    except Exception as error:
        logger.exception("ingest job %s (%s) crashed", job.pk, job.source_name)
        _finish(job, status=IngestJob.Status.FAILED, error=f"internal error ({type(error).__name__}): {error}")
    return _finished(job)


def _finished(job: IngestJob) -> IngestJob:
    _archive_inbox_file(job)
    return job


def _archive_inbox_file(job: IngestJob) -> None:
    """Files from the inbox move to done/ or failed/ so the next scan does not see them again."""
    inbox = settings.INGEST_INBOX.resolve()
    path = Path(job.path)
    if not job.path or job.root != str(inbox / "queued") or not path.exists():
        return
    target = inbox / ("failed" if job.status == IngestJob.Status.FAILED else "done")
    target.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), target / path.name)


def _files_under(folder: Path) -> list[Path]:
    found = []
    for directory, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(directory) / name for name in sorted(files) if not name.startswith("."))
    return found


def jobs_create_for_paths(paths: Iterable[str | Path], *, user=None, enqueue: bool = True) -> list[IngestJob]:
    """One job per file under the given files and folders (recursively).

    Each folder is the root its files must stay inside, so a symlink pointing out of it is refused.
    """
    batch = uuid.uuid4().hex[:12]
    jobs: list[IngestJob] = []
    for given in paths:
        path = Path(given).absolute()
        if path.is_dir():
            for file in _files_under(path):
                jobs.append(IngestJob(source_name=file.name, path=str(file), root=str(path), batch=batch))
        elif path.exists() or path.is_symlink():
            jobs.append(IngestJob(source_name=path.name, path=str(path), batch=batch))
        else:
            jobs.append(
                IngestJob(
                    source_name=path.name or str(given),
                    path=str(path),
                    batch=batch,
                    status=IngestJob.Status.FAILED,
                    error="no such file or folder",
                    finished_at=timezone.now(),
                )
            )
    for job in jobs:
        job.created_by = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        jobs = IngestJob.objects.bulk_create(jobs)
        if enqueue:
            _enqueue(j.pk for j in jobs if j.status == IngestJob.Status.QUEUED)
    return jobs


def jobs_create_from_uploads(*, files: list[UploadedFile], user) -> list[IngestJob]:
    """Jobs for files uploaded by staff; the bytes travel in the job so any worker machine can read them."""
    batch = uuid.uuid4().hex[:12]
    jobs = []
    for upload in files:
        name = Path(upload.name or "upload").name[:255]
        job = IngestJob(source_name=name, batch=batch, created_by=user)
        if upload.size is not None and upload.size > settings.INGEST_MAX_BYTES:
            job.status = IngestJob.Status.FAILED
            job.error = (
                f"the file is {upload.size / 1e6:.1f} MB, over the {settings.INGEST_MAX_BYTES / 1e6:.0f} MB limit"
            )
            job.finished_at = timezone.now()
        else:
            job.payload = upload.read()
        jobs.append(job)
    with transaction.atomic():
        jobs = IngestJob.objects.bulk_create(jobs)
        _enqueue(j.pk for j in jobs if j.status == IngestJob.Status.QUEUED)
    return jobs


def jobs_requeue_lost(*, after: float) -> list[int]:
    """Send again the message of every job still queued, or running, `after` seconds after it was
    queued (or last sent again): the broker may have lost it. Returns their ids.

    The Redis transport loses a message taken by a worker killed before it recorded the message
    as unacknowledged, and a Redis without persistence loses every queued message when it
    restarts; the job row is what is certain. A second message for a job that was only slow is
    harmless: the claim lets one worker run it, and a finished job is not run again. `after` is
    the broker's visibility timeout, so a job is sent again at most once in that time.
    """
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=after)
    since = Coalesce("requeued_at", "created_at")
    waiting = Q(status=IngestJob.Status.QUEUED) | Q(status=IngestJob.Status.RUNNING, started_at__lt=cutoff)
    with transaction.atomic():
        lost = IngestJob.objects.alias(since=since).filter(waiting, since__lt=cutoff)
        lost = lost.select_for_update(skip_locked=True)
        ids = list(lost.order_by("pk").values_list("pk", flat=True)[:10_000])
        IngestJob.objects.filter(pk__in=ids).update(requeued_at=now)
        _enqueue(ids)
    if ids:
        logger.warning("sent again the messages of %d ingest jobs still waiting after %.0f s", len(ids), after)
    return ids


def job_retry(*, job: IngestJob, user=None) -> IngestJob:
    """Queue a failed job again (its file or uploaded bytes are read afresh)."""
    if job.status != IngestJob.Status.FAILED:
        raise ValueError("only failed jobs can be retried")
    with transaction.atomic():
        IngestJob.objects.filter(pk=job.pk).update(
            status=IngestJob.Status.QUEUED, error="", started_at=None, finished_at=None, requeued_at=timezone.now()
        )
        _enqueue([job.pk])
    job.refresh_from_db()
    return job


def inbox_scan() -> list[IngestJob]:
    """Queue every file dropped into the inbox folder, moving it to inbox/queued/ first so no scan sees it twice."""
    inbox = settings.INGEST_INBOX.resolve()
    queued = inbox / "queued"
    queued.mkdir(parents=True, exist_ok=True)
    moved = []
    for path in sorted(inbox.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            target = queued / f"{uuid.uuid4().hex[:8]}-{path.name}"
            path.rename(target)  # atomic on one file system: a concurrent scan cannot take it too
            moved.append(target)
    jobs = [IngestJob(source_name=p.name.split("-", 1)[1], path=str(p), root=str(queued)) for p in moved]
    with transaction.atomic():
        jobs = IngestJob.objects.bulk_create(jobs)
        _enqueue(j.pk for j in jobs)
    return jobs


def feed_poll(*, feed_id: int, timeout: float = 30) -> IngestJob | None:
    """Fetch one feed with a conditional GET; a changed feed becomes one job (one article per entry)."""
    import urllib.error
    import urllib.request

    feed = Feed.objects.filter(pk=feed_id, active=True).first()
    if feed is None:
        return None
    request = urllib.request.Request(feed.url, headers={"User-Agent": "fi-security-tracker/1.0"})  # noqa: S310
    if feed.etag:
        request.add_header("If-None-Match", feed.etag)
    if feed.last_modified:
        request.add_header("If-Modified-Since", feed.last_modified)
    now = timezone.now()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(settings.INGEST_MAX_BYTES + 1)
            etag, modified = response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error="")
            return None
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=f"HTTP {error.code} {error.reason}")
        return None
    except (urllib.error.URLError, OSError, ValueError) as error:
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=f"could not fetch the feed: {error}")
        return None
    name = f"feed-{feed.pk}-{now:%Y%m%dT%H%M%S}.xml"
    with transaction.atomic():
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=now, last_error="", etag=etag[:300], last_modified=modified[:100]
        )
        job = IngestJob.objects.create(source_name=name, payload=body, feed=feed)
        _enqueue([job.pk])
    return job
