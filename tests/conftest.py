"""Shared fixtures: the personas of every view test, and the rule for tests needing services.

A test that needs PostgreSQL, Redis, a Celery worker or Chromium calls `need(...)`. On a laptop
without the service it is skipped with the reason; with REQUIRE_SERVICES=1 (set by .ci/run)
the same situation fails instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest
from django.contrib.auth.models import Group, User

from tracker import services

REQUIRE_SERVICES = os.getenv("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str) -> None:
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason} (REQUIRE_SERVICES is set)")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def redis_url() -> str:
    return os.getenv("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def need_redis() -> str:
    need(port_open("127.0.0.1", 6379), "Redis is not reachable on 127.0.0.1:6379")
    return redis_url()


def need_postgres() -> None:
    from django.db import connection

    # Not a missing service but the configuration chosen for this run: a plain skip.
    if connection.vendor != "postgresql":
        pytest.skip("this test needs DATABASE_URL to point at PostgreSQL")


def postgres_params(dbname: str = "") -> dict:
    """psycopg's connection arguments for the test database, or for another database on its server."""
    from django.db import connection

    db = connection.settings_dict
    host, port, user = db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["USER"] or "postgres"
    return {"host": host, "port": port, "user": user, "dbname": dbname or db["NAME"]}


def postgres_url(dbname: str = "") -> str:
    """The DATABASE_URL of the test database (or another on its server), for a process the test starts."""
    params = postgres_params(dbname)
    return f"postgresql://{params['user']}@{params['host']}:{params['port']}/{params['dbname']}"


def chromium_path() -> str | None:
    return (
        os.getenv("CHROMIUM_PATH")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    )


def need_chromium() -> str:
    path = chromium_path()
    need(path is not None, "Chromium is not installed (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need(False, "Playwright for Python is not installed")
    return path  # type: ignore[return-value]


def _user(username: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def roles(db) -> None:
    services.roles_ensure()


@pytest.fixture
def editor(roles) -> User:
    return _user("alice", services.EDITOR, is_staff=True)


@pytest.fixture
def viewer(roles) -> User:
    return _user("bob", services.VIEWER)


@pytest.fixture
def outsider(roles) -> User:
    """Logged in, but given no role."""
    return _user("charlie")


@pytest.fixture
def admin_user_(roles) -> User:
    return _user("dana", is_staff=True, is_superuser=True)


@pytest.fixture(scope="session")
def shipped():
    """The gazetteer shipped in tracker/data (built once: it takes a second)."""
    from tracker.ingest.gazetteer import Gazetteer

    return Gazetteer.from_data_dir()


@pytest.fixture(autouse=True)
def _agencies_uncached():
    """Each test's database is new: a worker's agency cache from an earlier test would point at rows it lacks."""
    from tracker.ingest.resolve import agency_cache_reset

    agency_cache_reset()
    yield
    agency_cache_reset()
