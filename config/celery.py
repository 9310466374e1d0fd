"""Celery application, wired as in Celery's "First steps with Django" guide."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _database_check(sender=None, **kwargs) -> None:
    """What Django does before each request: drop a connection that broke or outlived CONN_MAX_AGE."""
    if getattr(sender.request, "is_eager", False):
        return  # in-process tasks run inside the caller's transaction (a test's, a view's)
    from django.db import close_old_connections

    close_old_connections()
