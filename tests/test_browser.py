"""Playwright drives Chromium through the analyst's flow against the live server.

Log in, see the dashboard's charts and map, filter cases, open the Alibaba / Cainiao case,
follow an evidence quote to its highlighted sentence, export the filtered list as CSV, and
check a viewer gets no edit controls. Any console error or request to another origin fails it.
Screenshots of each step go to test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections

from tests.conftest import need_chromium
from tests.factories import AgencyFactory, CompanyFactory, ConcernFactory, FacilityFactory
from tests.pages_helpers import alibaba_case
from tracker.models import Concern, ReviewState

# Playwright's sync API runs an event loop in this thread; Django's ORM in the test (not in the
# server thread) then refuses to run unless told the loop is not ours to share.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHARTS = ["chart-months", "chart-categories", "chart-hosts", "chart-origins"]

CANVAS_DRAWN = """(id) => {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart || !Chart.getChart(canvas)) return false;
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
}"""


@pytest.fixture
def browser_page(live_server):
    """A Chromium page that records console errors and refuses every request to another origin."""
    executable = need_chromium()
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    origin = urlsplit(live_server.url)
    problems: dict[str, list[str]] = {"console": [], "foreign": []}

    def guard(route) -> None:
        url = urlsplit(route.request.url)
        if (url.scheme, url.netloc) != (origin.scheme, origin.netloc):
            problems["foreign"].append(route.request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        context.route("**/*", guard)
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and problems["console"].append(f"{page.url}: {msg.text}"))
        page.on("pageerror", lambda error: problems["console"].append(f"{page.url}: {error}"))
        try:
            yield page, problems
        finally:
            context.close()
            browser.close()
            # Playwright runs the test in a greenlet, whose context has database connections of its own:
            # closed here, or one stays open and the test database cannot be dropped at the end
            connections.close_all()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _data() -> None:
    """The Alibaba case plus cases the filters must leave out."""
    alibaba_case()
    ConcernFactory(
        title="Belgian data-access review of a port operator",
        host_country="BE",
        categories=[Concern.Category.DATA_ACCESS],
        review_state=ReviewState.CONFIRMED,
    )
    owner = CompanyFactory(name="Harbour Ports Holdings", country="HK")
    ConcernFactory(
        title="Dutch espionage worries over a container terminal",
        host_country="NL",
        categories=[Concern.Category.ESPIONAGE],
        companies=[owner],
        facilities=[
            FacilityFactory(
                name="Rotterdam terminal",
                operator=owner,
                city="Rotterdam",
                country="NL",
                latitude=51.95,
                longitude=4.14,
            )
        ],
        agencies=[AgencyFactory(name="General Intelligence and Security Service", acronym="AIVD", country="NL")],
        first_reported=dt.date(2022, 5, 1),
        last_reported=dt.date(2022, 5, 1),
        review_state=ReviewState.CONFIRMED,
    )
    cache.clear()


def test_an_analyst_filters_reads_the_evidence_and_exports(browser_page, live_server, transactional_db, viewer):
    page, problems = browser_page
    _data()
    base = live_server.url

    # 1. Every page needs a login.
    page.goto(base + "/")
    assert "/accounts/login/" in page.url
    _shot(page, "01-login")
    page.fill("#id_username", "bob")
    page.fill("#id_password", "pw-bob")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")

    # 2. The dashboard draws its charts and the map: world outline paths and a facility marker.
    page.wait_for_selector("#facility-map[data-map-ready=true]", timeout=15000)
    for chart in CHARTS:
        page.wait_for_function(CANVAS_DRAWN, arg=chart, timeout=10000)
    outline = page.locator("#facility-map svg path.world-outline")
    assert outline.count() > 100  # one path per country of the 110m atlas
    assert page.locator("#facility-map svg path.facility-marker").count() == 2
    assert page.locator("#count-cases").inner_text() == "3"
    _shot(page, "02-dashboard")

    # 3. Filter the cases by host country Belgium and category espionage.
    page.click("nav >> text=Cases")
    page.wait_for_url(base + "/cases/")
    assert page.locator("tr.case-row").count() == 3
    page.select_option("#id_host_country", "BE")
    page.select_option("#id_category", "espionage")
    page.click("#case-filters button[type=submit]")
    page.wait_for_url(re.compile(r".*host_country=BE.*category=espionage.*"))
    rows = page.locator("tr.case-row")
    assert rows.count() == 1
    assert "Alibaba" in rows.first.inner_text()
    filtered_url = page.url
    _shot(page, "03-cases-filtered")

    # 4. Open the Alibaba / Cainiao case; a viewer sees no edit controls.
    rows.first.locator("a.case-title").click()
    page.wait_for_selector("#case-title")
    assert "Alibaba" in page.inner_text("#case-title")
    assert page.inner_text("#case-status") == "Monitoring"
    companies = page.inner_text("#case-companies")
    assert "Cainiao" in companies and "Alibaba Group Holding" in companies
    assert "logistics centre at the cargo airport" in page.inner_text("#case-facilities")
    assert "VSSE" in page.inner_text("#case-agencies")
    assert page.locator("button.review-confirm, button.review-reject, .editor-controls").count() == 0
    assert page.locator("a[href*='/admin/']").count() == 0
    _shot(page, "04-case")

    # 5. Follow the evidence quote to its highlighted sentence in the article.
    link = page.locator("a.evidence-link", has_text="possible espionage or interference activities")
    href = link.get_attribute("href")
    fragment = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(rf".*/articles/\d+/#{fragment}$"))
    mark = page.locator(f"mark#{fragment}")
    mark.wait_for(state="visible")
    assert "possible espionage or interference activities" in mark.inner_text()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == fragment
    assert "ev-current" in (mark.get_attribute("class") or "")
    assert mark.is_visible() and mark.bounding_box()["y"] < 1000  # scrolled into view
    _shot(page, "05-article-evidence")

    # 6. Export the filtered list as CSV: exactly the filtered rows.
    page.goto(filtered_url)
    with page.expect_download() as download_info:
        page.click("#export-csv")
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    exported = list(csv.DictReader(io.StringIO(text)))
    assert [row["title"] for row in exported] == [
        "Belgian State Security Service monitors Alibaba's Liège logistics hub"
    ]
    assert exported[0]["categories"] == "espionage; interference"
    assert exported[0]["host_country"] == "BE"
    _shot(page, "06-export")

    # 7. The other pages of the flow load cleanly too.
    for path in ["/companies/", "/facilities/", "/agencies/", "/articles/"]:
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(base + "/companies/")
    page.click("#company-table a >> text=Alibaba Group Holding")
    assert "Cainiao" in page.inner_text("#company-tree")
    _shot(page, "07-company")
    page.goto(base + "/facilities/")
    page.click("#facility-table a >> text=logistics centre at the cargo airport")
    page.wait_for_selector("#facility-map[data-map-ready=true]", timeout=15000)
    assert page.locator("#facility-map svg path.facility-marker").count() == 1
    _shot(page, "07-facility-map")

    assert problems["console"] == []
    assert problems["foreign"] == []


def test_staff_upload_several_files_and_watch_the_jobs_finish(browser_page, live_server, transactional_db, editor):
    """The upload page takes several files at once; the job list then polls until they finish."""
    from tracker.models import IngestJob

    page, problems = browser_page
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "pw-alice")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")

    page.goto(base + "/jobs/upload/")
    page.set_input_files(
        "input[type=file]",
        [
            {"name": "first.txt", "mimeType": "text/plain", "buffer": b"Title: First\n\nA short text about a port."},
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
        ],
    )
    _shot(page, "08-upload")
    page.click("#upload-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/jobs/\?ids=\d+,\d+$"))
    assert page.locator("#job-table tr[data-job-id]").count() == 2
    assert {"first.txt", "empty.txt"} <= set(page.locator("#job-table").inner_text().split())
    _shot(page, "09-upload-batch")

    # A job still in flight: the page polls /jobs/status.json and shows it finish without a reload.
    job = IngestJob.objects.create(source_name="slow.txt", created_by=editor)
    page.goto(f"{base}/jobs/?ids={job.pk}")
    badge = page.locator(f"tr[data-job-id='{job.pk}'] .job-status")
    assert badge.inner_text() == "Queued"
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.FAILED, error="the file is not an article")
    page.wait_for_function(
        "(id) => document.querySelector(`tr[data-job-id='${id}'] .job-status`).textContent === 'Failed'",
        arg=job.pk,
        timeout=15000,
    )
    assert "the file is not an article" in page.locator(f"tr[data-job-id='{job.pk}'] .job-error").inner_text()
    assert page.inner_text("#jobs-progress") == "All jobs finished."
    _shot(page, "10-jobs-polled")

    assert problems["console"] == []
    assert problems["foreign"] == []


def test_an_editor_confirms_a_proposed_record_from_the_case_page(browser_page, live_server, transactional_db, editor):
    page, problems = browser_page
    case = alibaba_case()
    cache.clear()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "pw-alice")
    page.click("button[type=submit]")
    page.goto(base + case.concern.get_absolute_url())
    proposed = page.locator("#proposed-records li", has_text="Cainiao")
    assert proposed.count() == 1
    assert page.locator("a.admin-link").get_attribute("href") == f"/admin/tracker/concern/{case.concern.pk}/change/"
    _shot(page, "11-editor-case")
    proposed.locator("button.review-confirm").click()
    page.wait_for_selector(".alert-success")
    assert "confirmed" in page.inner_text(".alert-success")
    assert page.locator("#proposed-records li", has_text="Cainiao").count() == 0
    case.cainiao.refresh_from_db()
    assert case.cainiao.review_state == "confirmed"
    _shot(page, "12-editor-confirmed")

    assert problems["console"] == []
    assert problems["foreign"] == []
