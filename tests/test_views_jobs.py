"""Ingest jobs for staff: list, detail, retry, upload and the status endpoint the list polls.

These tests call the real tracker.ingest.pipeline functions (they exist now). Inside a test's
transaction the on-commit enqueue never fires, so uploaded jobs simply stay queued.
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.pages_helpers import assert_access, body
from tracker.models import IngestJob

LIST = reverse("tracker:jobs")
UPLOAD = reverse("tracker:job_upload")
STATUS = reverse("tracker:jobs_status")
# Staff editor: session, user, COUNT, the page of jobs (users and feeds joined), the navbar's permissions.
LIST_QUERIES = 6
STAFF_ONLY = "staff only"


def _job(**values) -> IngestJob:
    values.setdefault("source_name", "article.txt")
    return IngestJob.objects.create(**values)


@pytest.fixture
def failed(db) -> IngestJob:
    now = timezone.now()
    return _job(
        source_name="broken.html", status=IngestJob.Status.FAILED, error="the file is empty",
        started_at=now, finished_at=now + timezone.timedelta(seconds=2),
    )  # fmt: skip


def _access(editor, viewer, outsider, admin_user_) -> dict:
    return {None: 302, outsider: 403, viewer: 403, editor: 200, admin_user_: 200}


def test_it_checks_access(client, editor, viewer, outsider, admin_user_):
    assert_access(client, LIST, _access(editor, viewer, outsider, admin_user_))


def test_detail_checks_access(client, editor, viewer, outsider, admin_user_, failed):
    assert_access(client, failed.get_absolute_url(), _access(editor, viewer, outsider, admin_user_))


def test_upload_checks_access(client, editor, viewer, outsider, admin_user_):
    assert_access(client, UPLOAD, _access(editor, viewer, outsider, admin_user_))


def test_status_checks_access(client, editor, viewer, outsider, admin_user_, failed):
    assert_access(client, f"{STATUS}?ids={failed.pk}", _access(editor, viewer, outsider, admin_user_))


def test_retry_checks_access(client, editor, viewer, outsider, admin_user_, failed):
    url = reverse("tracker:job_retry", args=[failed.pk])
    expected = {None: 302, outsider: 403, viewer: 403, editor: 302}
    assert_access(client, url, expected, method="post")
    failed.refresh_from_db()
    assert failed.status == IngestJob.Status.QUEUED
    IngestJob.objects.filter(pk=failed.pk).update(status=IngestJob.Status.FAILED)
    assert_access(client, url, {admin_user_: 302}, method="post")


def test_it_lists_jobs_with_status_timings_and_reason(client, editor, failed):
    _job(source_name="fine.txt", status=IngestJob.Status.DONE)
    client.force_login(editor)
    html = body(client.get(LIST))
    assert "broken.html" in html and "fine.txt" in html
    assert "the file is empty" in html
    assert "2.0 s" in html
    assert "Failed" in html


def test_it_filters_by_status(client, editor, failed):
    _job(source_name="fine.txt", status=IngestJob.Status.DONE)
    client.force_login(editor)
    assert [j.source_name for j in client.get(LIST, {"status": "failed"}).context["jobs"]] == ["broken.html"]


def test_it_reports_an_unknown_status_and_lists_everything(client, editor, failed):
    client.force_login(editor)
    response = client.get(LIST, {"status": "exploded", "page": "abc"})
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    assert len(response.context["jobs"]) == 1


def test_it_follows_one_batch_and_polls_its_unfinished_jobs(client, editor, failed):
    queued = _job(source_name="new.txt")
    _job(source_name="other.txt")
    client.force_login(editor)
    response = client.get(LIST, {"ids": f"{queued.pk},{failed.pk},junk"})
    assert {j.source_name for j in response.context["jobs"]} == {"new.txt", "broken.html"}
    assert response.context["poll"]["ids"] == [queued.pk]
    html = body(response)
    assert '<script id="jobs-poll" type="application/json">' in html
    assert "/static/tracker/jobs.js" in html


@pytest.mark.parametrize("rows", [5, 50])
def test_it_makes_the_same_number_of_queries_for_5_and_50_rows(client, editor, django_assert_num_queries, rows):
    for i in range(rows):
        _job(source_name=f"file-{i}.txt", created_by=editor)
    client.force_login(editor)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert len(response.context["jobs"]) == rows


def test_detail_shows_the_job_and_a_retry_button_when_failed(client, editor, failed):
    client.force_login(editor)
    html = body(client.get(failed.get_absolute_url()))
    assert "the file is empty" in html
    assert 'id="job-retry"' in html
    done = _job(status=IngestJob.Status.DONE, summary={"created": {"companies": 2}})
    html = body(client.get(done.get_absolute_url()))
    assert 'id="job-retry"' not in html
    assert "&quot;companies&quot;: 2" in html


def test_detail_is_404_for_a_missing_job(client, editor):
    client.force_login(editor)
    assert client.get(reverse("tracker:job", args=[987654])).status_code == 404


def test_retry_queues_a_failed_job_again(client, editor, failed):
    client.force_login(editor)
    response = client.post(reverse("tracker:job_retry", args=[failed.pk]), follow=True)
    failed.refresh_from_db()
    assert failed.status == IngestJob.Status.QUEUED
    assert "queued again" in body(response)


def test_retry_explains_why_a_job_cannot_be_retried(client, editor):
    done = _job(status=IngestJob.Status.DONE)
    client.force_login(editor)
    response = client.post(reverse("tracker:job_retry", args=[done.pk]), follow=True)
    assert "cannot be retried" in body(response)
    done.refresh_from_db()
    assert done.status == IngestJob.Status.DONE


def test_retry_does_not_accept_get(client, editor, failed):
    client.force_login(editor)
    assert client.get(reverse("tracker:job_retry", args=[failed.pk])).status_code == 405


def test_upload_queues_several_files_and_follows_them(client, editor):
    client.force_login(editor)
    files = [
        SimpleUploadedFile("one.txt", b"Title: One\n\nBelgium's security service watches a hub."),
        SimpleUploadedFile("two.html", b"<html><body><p>Two</p></body></html>"),
    ]
    response = client.post(UPLOAD, {"files": files})
    jobs = list(IngestJob.objects.order_by("pk"))
    assert [j.source_name for j in jobs] == ["one.txt", "two.html"]
    assert all(j.created_by == editor for j in jobs)
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?ids={jobs[0].pk},{jobs[1].pk}"


def test_upload_page_offers_a_multiple_file_input(client, editor):
    client.force_login(editor)
    html = body(client.get(UPLOAD))
    assert 'type="file"' in html and "multiple" in html
    assert 'enctype="multipart/form-data"' in html


def test_upload_without_files_shows_the_form_error(client, editor):
    client.force_login(editor)
    response = client.post(UPLOAD, {})
    assert response.status_code == 200
    assert "files" in response.context["form"].errors
    assert not IngestJob.objects.exists()


def test_status_endpoint_reports_the_asked_jobs(client, editor, failed):
    queued = _job(source_name="new.txt")
    client.force_login(editor)
    data = json.loads(body(client.get(STATUS, {"ids": f"{failed.pk},{queued.pk},abc,-4,"})))
    by_id = {row["id"]: row for row in data["jobs"]}
    assert by_id[failed.pk]["status"] == "failed"
    assert by_id[failed.pk]["finished"] is True
    assert by_id[failed.pk]["error"] == "the file is empty"
    assert by_id[queued.pk]["finished"] is False
    assert data["finished"] is False


def test_status_endpoint_with_no_ids_is_empty(client, editor, failed):
    client.force_login(editor)
    assert json.loads(body(client.get(STATUS))) == {"jobs": [], "finished": True}


def test_upload_turns_an_empty_file_into_a_failed_job_with_its_reason(client, editor):
    client.force_login(editor)
    client.post(UPLOAD, {"files": [SimpleUploadedFile("empty.txt", b"")]})
    job = IngestJob.objects.get()
    assert job.source_name == "empty.txt"


def test_list_offers_retry_on_failed_jobs_only(client, editor, failed):
    done = _job(source_name="fine.txt", status=IngestJob.Status.DONE)
    client.force_login(editor)
    html = body(client.get(LIST))
    assert f'action="{reverse("tracker:job_retry", args=[failed.pk])}"' in html
    assert reverse("tracker:job_retry", args=[done.pk]) not in html
