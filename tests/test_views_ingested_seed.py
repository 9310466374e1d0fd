"""The pages over real pipeline output: ingest the seed article, then read every page it feeds.

DESIGN.md: after ingesting that one file, the dashboard shows the case, with every fact linked
to the sentence it came from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from tests.pages_helpers import body
from tracker.models import Agency, Article, Company, Concern, Facility, IngestJob

SEED = Path(settings.BASE_DIR) / "seeds" / "000-seed-alibaba-liege.txt"


@pytest.fixture
def ingested(db):
    from tracker.ingest import pipeline

    cache.clear()
    (job,) = pipeline.jobs_create_for_paths([SEED], enqueue=False)
    job = pipeline.job_run(job_id=job.pk)
    assert job.status == IngestJob.Status.DONE, job.error
    return job


def test_the_dashboard_shows_the_ingested_case(client, viewer, ingested):
    client.force_login(viewer)
    response = client.get(reverse("tracker:dashboard"))
    stats = response.context["stats"]
    assert stats["cases_total"] == Concern.objects.count() >= 1
    assert stats["articles"] == 1
    assert (
        any(f["place"].startswith("Liège") for f in stats["map_facilities"])
        or not Facility.objects.filter(latitude__isnull=False).exists()
    )
    html = body(response)
    for concern in Concern.objects.all():
        assert concern.get_absolute_url() in html


def test_every_evidence_link_of_the_case_lands_on_a_highlighted_sentence(client, viewer, ingested):
    client.force_login(viewer)
    article = Article.objects.get()
    article_html = body(client.get(article.get_absolute_url()))
    anchors = set(re.findall(r'id="(ev\d+)"', article_html))
    for concern in Concern.objects.all():
        case_html = body(client.get(concern.get_absolute_url()))
        links = re.findall(rf'href="/articles/{article.pk}/#(ev\d+)"', case_html)
        assert links, "the case quotes its evidence"
        assert set(links) <= anchors
    assert "possible espionage or interference activities" in article_html.replace("&quot;", '"')


def test_every_record_page_renders(client, viewer, ingested):
    client.force_login(viewer)
    records = [*Company.objects.all(), *Facility.objects.all(), *Agency.objects.all(), *Concern.objects.all()]
    assert records
    for record in records:
        assert client.get(record.get_absolute_url()).status_code == 200, record
    for name in ["tracker:concerns", "tracker:companies", "tracker:facilities", "tracker:agencies", "tracker:articles"]:
        assert client.get(reverse(name)).status_code == 200


def test_the_case_list_finds_the_ingested_case_by_host_country_and_category(client, viewer, ingested):
    client.force_login(viewer)
    response = client.get(reverse("tracker:concerns"), {"host_country": "BE", "category": "espionage", "q": "Cainiao"})
    assert len(response.context["cases"]) >= 1
