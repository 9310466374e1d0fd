"""The pipeline end to end on the database: bad input, duplicates, entry points, editor values kept."""

from __future__ import annotations

import http.server
import io
import json
import threading
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tracker import services
from tracker.ingest import pipeline
from tracker.ingest.resolve import gazetteer_reset
from tracker.models import (
    Agency,
    Article,
    Company,
    Concern,
    Event,
    Evidence,
    Facility,
    FacilityAlias,
    Feed,
    IngestJob,
    ReviewState,
)
from tracker.search import concerns_matching

pytestmark = pytest.mark.django_db

ARTICLE = """Source: https://news.example.org/2024/03/05/rotterdam-terminal
Title: Dutch intelligence watches Chinese-run container terminal

By Example News with Reuters

The Dutch intelligence service AIVD is monitoring the container terminal of Ostrava Shipping Ports
in the port of Rotterdam over possible espionage, the newspaper said on Tuesday.

Ostrava Shipping Ports, a unit of Chinese state-owned Ostrava Shipping Group, denies any wrongdoing.

The government in The Hague signed a concession agreement with the company in 2019.
"""

OTHER_ARTICLE = """Source: https://news.example.org/2024/04/01/kiln-plant
Title: Finnish screening authority blocks takeover of kiln maker

Finland's Ministry of Economic Affairs blocked the takeover of Kilnworks Oy by Harbin Furnace Holdings
on national security grounds, the ministry said on Monday. The plant in Tampere makes kilns for the defence industry.
"""


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Article, Evidence, Company, Agency, Facility, Concern, Event)}


def _run(path: Path, **kwargs) -> IngestJob:
    (job,) = pipeline.jobs_create_for_paths([path], enqueue=False, **kwargs)
    pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


@pytest.fixture(autouse=True)
def _fresh_gazetteer():
    gazetteer_reset()
    yield
    gazetteer_reset()


def _email_with_only_attachment() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Report"
    message["From"] = "desk@example.org"
    message.add_attachment(b"%PDF-1.4 binary", maintype="application", subtype="pdf", filename="report.pdf")
    return bytes(message)


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
    "archive.txt": (_zip(), "ZIP"),
    "nul.txt": (b"Intelligence service " * 20 + b"\x00\x00\x00" + b"text " * 50, "NUL"),
    "truncated.html": (b"<html><head><title>Spy", "HTML"),
    "not-articles.json": (json.dumps({"weather": "sunny", "temperature": 21}).encode(), "article"),
    "broken.json": (b'{"title": "Spy hub", "text": "unfinished', "line 1"),
    "empty-feed.xml": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
        "no entries",
    ),
    "broken-feed.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</tit', "feed"),
    "attachment-only.eml": (_email_with_only_attachment(), "attachment"),
    "table.csv": (b"name,country\nAlibaba,CN\n", "not supported"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_ends_as_a_failed_job_with_a_reason_and_writes_nothing(tmp_path, name):
    content, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    before = _counts()
    job = _run(path)
    assert job.status == IngestJob.Status.FAILED
    assert reason.lower() in job.error.lower(), job.error
    assert "Traceback" not in job.error and "internal error" not in job.error
    assert _counts() == before
    assert job.finished_at is not None and job.attempts == 1


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.INGEST_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE)
    job = _run(path)
    assert job.status == IngestJob.Status.FAILED and "limit" in job.error


def test_a_file_deleted_before_the_worker_reads_it_fails_clearly(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(ARTICLE)
    (job,) = pipeline.jobs_create_for_paths([path], enqueue=False)
    path.unlink()
    pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == IngestJob.Status.FAILED and "no longer exists" in job.error


def test_a_symlink_pointing_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(ARTICLE)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    jobs = pipeline.jobs_create_for_paths([folder], enqueue=False)
    pipeline.job_run(job_id=jobs[0].pk)
    jobs[0].refresh_from_db()
    assert jobs[0].status == IngestJob.Status.FAILED and "outside" in jobs[0].error
    assert Article.objects.count() == 0


def test_a_path_outside_the_allowed_roots_is_refused(tmp_path, settings):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    settings.INGEST_ROOTS = [allowed.resolve()]
    path = tmp_path / "elsewhere.txt"
    path.write_text(ARTICLE)
    job = _run(path)
    assert job.status == IngestJob.Status.FAILED and "INGEST_ROOTS" in job.error
    inside = allowed / "ok.txt"
    inside.write_text(ARTICLE)
    assert _run(inside).status == IngestJob.Status.DONE


def test_a_missing_path_is_a_failed_job_from_the_start(tmp_path):
    (job,) = pipeline.jobs_create_for_paths([tmp_path / "nope.txt"], enqueue=False)
    assert job.status == IngestJob.Status.FAILED and job.error == "no such file or folder"


def test_the_worker_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-article.txt").write_text(ARTICLE)
    jobs = pipeline.jobs_create_for_paths([tmp_path], enqueue=False)
    for job in jobs:
        pipeline.job_run(job_id=job.pk)
    statuses = dict(IngestJob.objects.values_list("source_name", "status"))
    assert statuses == {"a-empty.txt": "failed", "b-article.txt": "done"}


def test_an_article_is_stored_with_evidence_pointing_at_its_text(tmp_path):
    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    job = _run(path)
    assert job.status == IngestJob.Status.DONE, job.error
    article = Article.objects.get()
    assert article.url == "https://news.example.org/2024/03/05/rotterdam-terminal"
    assert article.title.startswith("Dutch intelligence")
    assert not article.text.startswith("Source:")
    assert job.summary["articles"] == 1 and list(job.articles.all()) == [article]
    assert Evidence.objects.filter(article=article).exists()
    for evidence in Evidence.objects.filter(article=article):
        assert article.text[evidence.start : evidence.end] == evidence.quote


def test_re_ingesting_the_same_file_creates_nothing(tmp_path):
    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    _run(path)
    before = _counts()
    again = _run(path)
    assert again.status == IngestJob.Status.DUPLICATE
    assert _counts() == before


def test_the_same_article_in_another_format_is_a_duplicate(tmp_path):
    text_file = tmp_path / "rotterdam.txt"
    text_file.write_text(ARTICLE)
    _run(text_file)
    before = _counts()
    body = ARTICLE.split("\n\n", 1)[1]
    as_json = tmp_path / "rotterdam.json"
    as_json.write_text(
        json.dumps(
            {
                "title": "Dutch intelligence watches Chinese-run container terminal",
                "url": "https://news.example.org/2024/03/05/rotterdam-terminal/",
                "text": body,
            }
        )
    )
    assert _run(as_json).status == IngestJob.Status.DUPLICATE
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    as_html = tmp_path / "rotterdam.html"
    as_html.write_text(
        f"<html><head><title>Dutch intelligence</title></head><body><article>{paragraphs}</article></body></html>"
    )
    assert _run(as_html).status == IngestJob.Status.DUPLICATE
    assert _counts() == before


def test_re_ingesting_never_overwrites_what_an_editor_set(tmp_path, editor):
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE)
    _run(first)
    concern = Concern.objects.first()
    assert concern is not None, "the extractor found no concern in the test article"
    Concern.objects.filter(pk=concern.pk).update(
        title="Edited by an editor", status=Concern.Status.CLOSED, review_state=ReviewState.CONFIRMED
    )
    company = concern.companies.first()
    Company.objects.filter(pk=company.pk).update(country="SG", review_state=ReviewState.CONFIRMED)
    second = tmp_path / "second.txt"
    second.write_text(
        ARTICLE.replace("on Tuesday", "on Wednesday, adding that the review continues").replace("03/05", "03/06")
    )
    assert _run(second).status == IngestJob.Status.DONE
    concern.refresh_from_db()
    company.refresh_from_db()
    assert concern.title == "Edited by an editor" and concern.status == Concern.Status.CLOSED
    assert company.country == "SG"
    assert Evidence.objects.filter(concern=concern).values("article").distinct().count() == 2


def test_a_feed_file_gives_one_article_per_entry(tmp_path):
    items = "".join(
        f"<item><title>Hub {i}</title><link>https://feed.example.org/{i}</link>"
        f"<description>The security service of Norway is watching cargo hub number {i} run by Fjord Freight {i} "
        f"over possible espionage.</description></item>"
        for i in range(3)
    )
    path = tmp_path / "feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>')
    job = _run(path)
    assert job.status == IngestJob.Status.DONE and job.summary["articles"] == 3
    assert Article.objects.count() == 3


def test_uploads_carry_their_bytes_and_can_be_retried(editor, settings):
    upload = SimpleUploadedFile("rotterdam.txt", ARTICLE.encode())
    empty = SimpleUploadedFile("empty.txt", b"")
    settings.CELERY_TASK_ALWAYS_EAGER = False  # only create the jobs here; run them by hand below
    jobs = pipeline.jobs_create_from_uploads(files=[upload, empty], user=editor)
    assert [j.status for j in jobs] == ["queued", "queued"] and jobs[0].created_by == editor
    for job in jobs:
        pipeline.job_run(job_id=job.pk)
    done, failed = (IngestJob.objects.get(pk=j.pk) for j in jobs)
    assert done.status == "done" and done.payload is None
    assert failed.status == "failed" and bytes(failed.payload) == b""
    retried = pipeline.job_retry(job=failed)
    assert retried.status == "queued" and retried.error == ""
    with pytest.raises(ValueError):
        pipeline.job_retry(job=done)


def test_an_oversized_upload_fails_without_reading_it(editor, settings):
    settings.INGEST_MAX_BYTES = 10
    (job,) = pipeline.jobs_create_from_uploads(files=[SimpleUploadedFile("big.txt", b"x" * 100)], user=editor)
    assert job.status == "failed" and "limit" in job.error


def test_inbox_scan_queues_each_file_once_and_archives_it(tmp_path, settings):
    settings.INGEST_INBOX = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = False
    (tmp_path / "rotterdam.txt").write_text(ARTICLE)
    jobs = pipeline.inbox_scan()
    assert len(jobs) == 1 and pipeline.inbox_scan() == []
    pipeline.job_run(job_id=jobs[0].pk)
    assert (tmp_path / "done" / Path(jobs[0].path).name).exists()


def test_a_job_that_is_already_finished_is_not_run_again(tmp_path):
    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    job = _run(path)
    assert pipeline.job_run(job_id=job.pk) is None
    assert pipeline.job_run(job_id=999999) is None
    job.refresh_from_db()
    assert job.attempts == 1


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    body = b""
    requests: list[dict] = []

    def do_GET(self):
        self.requests.append(dict(self.headers))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", '"v1"')
        self.send_header("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    _FeedHandler.requests = []
    _FeedHandler.body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>'
        b"<item><title>Hub watched</title><link>https://local.example.org/1</link>"
        b"<description>Sweden's security service S\xc3\xa4po is monitoring a data centre run by Nordic Cloud Holdings "
        b"over possible espionage.</description></item></channel></rss>"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()


def test_feed_polling_uses_conditional_get(feed_server, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    feed = Feed.objects.create(url=feed_server, title="Local")
    job = pipeline.feed_poll(feed_id=feed.pk)
    assert job is not None and job.feed == feed
    pipeline.job_run(job_id=job.pk)
    assert Article.objects.filter(url="https://local.example.org/1").exists()
    feed.refresh_from_db()
    assert feed.etag == '"v1"' and feed.last_modified and feed.last_error == ""
    assert pipeline.feed_poll(feed_id=feed.pk) is None  # 304 Not Modified: nothing queued
    assert _FeedHandler.requests[-1].get("If-None-Match") == '"v1"'
    assert IngestJob.objects.count() == 1


def test_an_unreachable_feed_records_the_error(settings):
    feed = Feed.objects.create(url="http://127.0.0.1:9/feed.xml")
    assert pipeline.feed_poll(feed_id=feed.pk, timeout=2) is None
    feed.refresh_from_db()
    assert "could not fetch" in feed.last_error


def test_ingest_command_summarises_and_exits_1_on_failures(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError) as error:
        call_command("ingest", str(tmp_path), str(tmp_path / "missing.txt"))
    assert error.value.returncode == 1
    out = capsys.readouterr()
    assert "ingested 1, duplicate 0, empty 0, failed 2" in out.out
    assert "empty.txt: the file is empty" in out.out and "missing.txt: no such file or folder" in out.out
    assert "Traceback" not in out.out + out.err


def test_ingest_command_twice_reports_duplicates(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE)
    call_command("ingest", str(tmp_path))
    call_command("ingest", str(tmp_path))
    assert "ingested 0, duplicate 1, empty 0, failed 0" in capsys.readouterr().out


def test_a_bad_inbox_file_moves_to_failed(tmp_path, settings):
    settings.INGEST_INBOX = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = False
    (tmp_path / "empty.txt").write_bytes(b"")
    (job,) = pipeline.inbox_scan()
    pipeline.job_run(job_id=job.pk)
    assert (tmp_path / "failed" / Path(job.path).name).exists()
    assert not list((tmp_path / "queued").iterdir())


def test_with_workers_a_files_cases_are_searchable_after_the_batched_refresh(tmp_path, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # workers: the refresh is left to a task
    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    assert _run(path).status == IngestJob.Status.DONE
    cases = Concern.objects.all()
    assert cases.exists() and not cases.filter(search_stale=False).exists()
    # Not rebuilt with the file: no names yet, and on PostgreSQL no words of the article either.
    assert set(cases.values_list("search_names", flat=True)) == {""}
    assert connection.vendor != "postgresql" or not concerns_matching(cases, "concession").exists()

    assert services.search_refresh_stale() == cases.count()

    assert not cases.filter(search_stale=True).exists()
    assert all("Ostrava Shipping Ports" in names for names in cases.values_list("search_names", flat=True))
    assert concerns_matching(cases, "concession").exists()
    assert services.search_refresh_stale() == 0


def test_with_workers_a_case_a_later_file_finds_is_marked_for_the_refresh_again(tmp_path, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    first, later = tmp_path / "rotterdam.txt", tmp_path / "rotterdam-later.txt"
    first.write_text(ARTICLE)
    later.write_text(ARTICLE.replace("2024/03/05", "2024/05/07").replace("on Tuesday", "again on Friday"))
    _run(first)
    assert services.search_refresh_stale() == Concern.objects.count() > 0
    cases = set(Concern.objects.values_list("pk", flat=True))

    assert _run(later).status == IngestJob.Status.DONE

    # the same cases, found rather than made, and marked in the statement that stored the rows
    assert set(Concern.objects.values_list("pk", flat=True)) == cases
    assert set(Concern.objects.filter(search_stale=True).values_list("pk", flat=True)) == cases


def test_without_workers_a_files_cases_are_searchable_at_once(tmp_path):
    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    _run(path)
    cases = Concern.objects.all()
    assert cases.exists() and not cases.filter(search_stale=True).exists()
    assert concerns_matching(cases, "Ostrava").count() == cases.count()


def test_jobs_whose_message_may_be_lost_are_sent_again_once_per_timeout(tmp_path, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    path = tmp_path / "rotterdam.txt"
    path.write_text(ARTICLE)
    lost, _queued_just_now, running, done = pipeline.jobs_create_for_paths([path] * 4, enqueue=False)
    long_ago = timezone.now() - dt.timedelta(hours=2)
    IngestJob.objects.filter(pk__in=[lost.pk, running.pk, done.pk]).update(created_at=long_ago)
    IngestJob.objects.filter(pk=running.pk).update(status=IngestJob.Status.RUNNING, started_at=long_ago)
    IngestJob.objects.filter(pk=done.pk).update(status=IngestJob.Status.DONE)

    with django_capture_on_commit_callbacks() as sent:
        assert pipeline.jobs_requeue_lost(after=3600) == [lost.pk, running.pk]
    assert len(sent) == 2
    with django_capture_on_commit_callbacks() as sent:
        assert pipeline.jobs_requeue_lost(after=3600) == []  # sent again already within the timeout
    assert sent == []
    # The message sent again runs the job; a second one finds it finished and does nothing.
    assert pipeline.job_run(job_id=lost.pk).status == IngestJob.Status.DONE
    assert pipeline.job_run(job_id=lost.pk) is None
    assert Article.objects.count() == 1


def test_a_name_an_article_gave_one_record_is_no_alias_where_it_names_another():
    from tests.factories import AgencyFactory, ArticleFactory, EvidenceFactory
    from tracker.export import export_records

    czech = AgencyFactory(name="Government of the Czech Republic", acronym="", country="CZ")
    bare = AgencyFactory(name="government", acronym="", country="PH")
    article = ArticleFactory(text="The government decided. The cabinet agreed.")
    for agency, names in ((czech, ["government", "cabinet"]), (bare, ["government"])):
        EvidenceFactory(
            article=article, concern=None, agency=agency, fact=Evidence.Fact.MENTION, claim={"names": names}
        )
    exported = {a["name"]: a["aliases"] for a in export_records()["agencies"]}
    assert exported["Government of the Czech Republic"] == ["cabinet"]


def test_the_export_gives_a_site_the_other_names_its_articles_used(tmp_path):
    from tracker.export import export_records

    services.gazetteer_load()
    path = tmp_path / "corran.txt"
    path.write_text(
        "Title: State buys out Harbourline\n\nThe UK government will take a 50% stake in the Corran Ridge B "
        "nuclear power station and buy out Harbourline Energy, a unit of Chinese state group Tern Power, "
        "over security concerns.\n",
        encoding="utf-8",
    )
    assert _run(path).status == IngestJob.Status.DONE
    (site,) = export_records()["facilities"]
    assert site["name"] == "Corran Ridge B"
    assert site["aliases"] == ["Corran Ridge B nuclear power station"]
    # The names are the site's aliases, which editors see and the next article's lookup uses.
    assert list(FacilityAlias.objects.values_list("name", flat=True)) == ["Corran Ridge B nuclear power station"]


def test_an_order_binding_several_investors_files_a_case_for_each(tmp_path):
    path = tmp_path / "orders.txt"
    path.write_text(
        "Title: Treasurer orders investors to sell down stakes in Corran Minerals\n\n"
        "The Treasurer has ordered four investors with links to China to sell their shares in rare earths miner "
        "Corran Minerals on national security grounds. The orders require Velmar Fund Pte Ltd, Black Reef "
        "Resources and Indian Ocean International Shipping and Service Company to dispose of their shares "
        "within 60 days.\n"
    )
    _run(path)
    cases = Concern.objects.filter(status=Concern.Status.DIVESTMENT_ORDERED)
    bound = {"Velmar Fund Pte Ltd", "Black Reef Resources", "Indian Ocean International Shipping and Service Company"}
    # one case per investor, each with the miner whose shares it must sell
    assert sorted(c.companies.get(name__in=bound).name for c in cases) == sorted(bound)
    assert all(c.companies.filter(name="Corran Minerals").exists() for c in cases)
