"""Settings come from the environment and refuse a bad value with a message naming it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 60 + "-production-like-secret-for-the-deploy-check",
    "ALLOWED_HOSTS": "tracker.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://tracker.example.org",
    "DATABASE_URL": "postgresql://tracker@127.0.0.1:5432/tracker",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION and not k.startswith("DJANGO_")}
    base["STATIC_ROOT"] = "/tmp/fi-tracker-static-check"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be one of"),
        ("SECURE_HSTS_SECONDS", "a year", "SECURE_HSTS_SECONDS must be a whole number"),
        ("SECURE_HSTS_SECONDS", "-5", "SECURE_HSTS_SECONDS must be at least 0"),
        ("DATABASE_URL", "mysql://db/x", "DATABASE_URL must be a postgresql:// or sqlite:// URL"),
        ("CELERY_BROKER_URL", "kafka://x", "CELERY_BROKER_URL must be a redis:// or amqp:// URL"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL must be a redis:// URL"),
        ("CSRF_TRUSTED_ORIGINS", "tracker.example.org", "CSRF_TRUSTED_ORIGINS entries need a scheme"),
        ("INGEST_MAX_BYTES", "0", "INGEST_MAX_BYTES must be at least 1"),
        ("DB_PREPARED_STATEMENTS", "sometimes", "DB_PREPARED_STATEMENTS must be one of"),
    ],
)
def test_it_refuses_a_bad_value_with_a_clear_message(variable, value, message):
    result = run_manage("check", **{**PRODUCTION, variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_it_requires_a_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s" * 70 + "\n")
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", SECRET_KEY_FILE=str(secret), **env)
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_default_needs_no_services(settings):
    # The suite itself runs on the defaults unless CI points it at PostgreSQL and Redis.
    from django.conf import settings as live

    if not os.getenv("CELERY_BROKER_URL"):
        assert live.CELERY_TASK_ALWAYS_EAGER
    if not os.getenv("DATABASE_URL"):
        assert live.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize(("value", "options"), [(None, "True 5"), ("0", "None None")])
def test_postgresql_connections_prepare_statements_unless_a_pooler_forbids_it(value, options):
    env = {**PRODUCTION, **({"DB_PREPARED_STATEMENTS": value} if value else {})}
    show = (
        "from django.conf import settings\n"
        "o = settings.DATABASES['default'].get('OPTIONS', {})\n"
        "print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    )
    result = run_manage("shell", "--no-imports", "-c", show, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == options


def test_refresh_tasks_have_a_queue_of_their_own_that_a_plain_worker_also_takes():
    from config.celery import app

    router = app.amqp.router
    assert router.route({}, "tracker.tasks.refresh_search")["queue"].name == "refresh"
    assert router.route({}, "tracker.tasks.refresh_dashboard")["queue"].name == "refresh"
    assert router.route({}, "tracker.tasks.ingest_file")["queue"].name == "celery"
    # A worker started without -Q consumes every queue in task_queues.
    assert {q.name for q in app.conf.task_queues} == {"celery", "refresh"}
