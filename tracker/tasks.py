"""Celery tasks: thin wrappers that take IDs and call the pipeline."""

from __future__ import annotations

import time

from celery import Task, shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from tracker import selectors, services
from tracker.ingest import pipeline
from tracker.models import Feed


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError, IntegrityError, BrokerError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def ingest_file(job_id: int) -> str | None:
    job = pipeline.job_run(job_id=job_id)
    return job.status if job else None


@shared_task(acks_late=True, autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, max_retries=3)
def poll_feed(feed_id: int) -> int | None:
    job = pipeline.feed_poll(feed_id=feed_id)
    return job.pk if job else None


@shared_task
def poll_feeds() -> int:
    ids = list(Feed.objects.filter(active=True).values_list("pk", flat=True))
    for feed_id in ids:
        poll_feed.delay(feed_id)
    return len(ids)


@shared_task
def requeue_lost_jobs() -> int:
    return len(pipeline.jobs_requeue_lost(after=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]))


@shared_task
def scan_inbox() -> int:
    return len(pipeline.inbox_scan())


@shared_task(ignore_result=True)
def refresh_dashboard() -> None:
    selectors.dashboard_refresh()


@shared_task(ignore_result=True, autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, max_retries=3)
def refresh_search() -> int:
    queue_once_started(services.SEARCH_STALE_PENDING_KEY)
    return services.search_refresh_stale()


_pending_until: dict[str, float] = {}  # key -> until when the task this process queued surely waits


def queue_once(task: Task, *, key: str, countdown: float, hold: int) -> bool:
    """Queue `task` to run in `countdown` seconds unless one queued under `key` has not started yet
    (the task calls queue_once_started as it starts; `hold` seconds is the most a lost task blocks
    the next).

    False when there are no workers to run it.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return False
    # A task this process queued waits at least its countdown; for the first half of it (the
    # machine running it may have a clock ahead of ours) no need to ask the cache on every file.
    if time.monotonic() < _pending_until.get(key, 0.0):
        return True
    if cache.add(key, True, hold):
        task.apply_async(countdown=countdown)
        _pending_until[key] = time.monotonic() + countdown / 2
    return True


def queue_once_started(key: str) -> None:
    """What a task queued by queue_once calls first: changes from now on queue the next run."""
    cache.delete(key)
    _pending_until.pop(key, None)
