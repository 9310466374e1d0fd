"""Security of the pages: the CSP header and templates that need no exceptions to it, CSRF on every
POST, and hostile article text (scripts, event handlers, javascript: links) rendered inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, CompanyFactory, ConcernFactory, EvidenceFactory, FacilityFactory
from tests.pages_helpers import alibaba_case, body
from tracker.models import Evidence, IngestJob

TEMPLATES = Path(settings.BASE_DIR) / "templates"
HOSTILE = (
    'Intro. <script>alert("xss")</script> Then <img src=x onerror="alert(1)"> and '
    '<a href="javascript:alert(2)">click</a> and <svg onload=alert(3)></svg>. '
    '"><iframe src="https://evil.example"></iframe> End.'
)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def _pages(case) -> list[str]:
    return [
        reverse("tracker:dashboard"),
        reverse("tracker:concerns"),
        case.concern.get_absolute_url(),
        case.alibaba.get_absolute_url(),
        case.facility.get_absolute_url(),
        case.agency.get_absolute_url(),
        case.article.get_absolute_url(),
        reverse("tracker:companies"),
        reverse("tracker:facilities"),
        reverse("tracker:agencies"),
        reverse("tracker:articles"),
        reverse("tracker:jobs"),
        reverse("tracker:job_upload"),
        reverse("password_change"),
    ]


def test_every_page_sends_the_content_security_policy(client, admin_user_):
    case = alibaba_case()
    client.force_login(admin_user_)
    for url in [*_pages(case), reverse("tracker:concerns_csv"), reverse("tracker:concerns_feed")]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, url
    client.logout()
    assert "script-src 'self'" in client.get(reverse("login"))["Content-Security-Policy"]


def test_pages_have_no_inline_scripts_or_styles(client, admin_user_):
    """Everything the CSP would block: inline <script> code, <style> blocks, style="" and on*= attributes."""
    case = alibaba_case()
    client.force_login(admin_user_)
    client.post(reverse("tracker:review"), {"kind": "company", "pk": case.cainiao.pk, "state": "confirmed"})
    for url in [*_pages(case), reverse("login")]:
        html = body(client.get(url))
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, f"inline script on {url}: {tag}"
        assert "<style" not in html, url
        assert not re.search(r"\sstyle\s*=", html), url
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url
        assert "javascript:" not in html, url


def test_templates_have_no_inline_scripts_or_styles():
    for path in [*TEMPLATES.glob("*.html"), *TEMPLATES.glob("tracker/**/*.html"), *TEMPLATES.glob("registration/*")]:
        text = path.read_text()
        assert "<style" not in text, path
        assert not re.search(r"\sstyle\s*=", text), path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path


def test_no_page_loads_anything_from_another_origin(client, admin_user_):
    case = alibaba_case()
    client.force_login(admin_user_)
    for url in _pages(case):
        html = body(client.get(url))
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not ref.startswith(("http:", "https:", "//")), f"{url} references {ref}"


@pytest.fixture
def hostile(db):
    article = ArticleFactory(
        title='<script>alert("title")</script>', publisher="<b>Evil</b>", text=HOSTILE, url="javascript:alert(9)"
    )
    company = CompanyFactory(name='<img src=x onerror="alert(4)">')
    concern = ConcernFactory(
        title='<script>alert("case")</script>', summary="<b onmouseover=alert(5)>hover</b>", companies=[company]
    )
    FacilityFactory(name="</script><script>alert(6)</script>", operator=company)
    concern.facilities.add(*company.facilities.all())
    start = HOSTILE.index("<script>")
    end = HOSTILE.index("End.")
    evidence = EvidenceFactory(
        article=article, concern=concern, fact=Evidence.Fact.CONCERN, start=start, end=end, quote=HOSTILE[start:end]
    )
    return article, concern, company, evidence


def _assert_inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "</script><script>" not in html
    assert not re.search(r"<img[^>]*onerror", html)
    assert not re.search(r"<svg[^>]*onload", html)
    assert not re.search(r"<b[^>]*onmouseover", html)
    assert "<iframe" not in html
    assert 'href="javascript:' not in html


def test_hostile_article_text_renders_inert(client, viewer, hostile):
    article, _, _, evidence = hostile
    client.force_login(viewer)
    html = body(client.get(article.get_absolute_url()))
    _assert_inert(html)
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    # The hostile sentence is still highlighted, as text.
    assert f'<mark id="ev{evidence.pk}"' in html
    assert "source</a>" not in html  # a javascript: source URL gets no link at all


@pytest.mark.parametrize("page", ["dashboard", "list", "case", "company", "facility", "articles"])
def test_hostile_names_render_inert_on_every_page(client, viewer, hostile, page):
    _, concern, company, _ = hostile
    url = {
        "dashboard": reverse("tracker:dashboard"),
        "list": reverse("tracker:concerns"),
        "case": concern.get_absolute_url(),
        "company": company.get_absolute_url(),
        "facility": company.facilities.first().get_absolute_url(),
        "articles": reverse("tracker:articles"),
    }[page]
    client.force_login(viewer)
    _assert_inert(body(client.get(url)))


def test_map_data_cannot_close_its_script_block(client, viewer, hostile):
    _, _, company, _ = hostile
    facility = company.facilities.first()
    client.force_login(viewer)
    html = body(client.get(facility.get_absolute_url()))
    data = re.search(r'<script id="facility-map-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data  # json_script escapes <, > and & as \u003C etc.


def test_feed_escapes_hostile_titles(client, viewer, hostile):
    client.force_login(viewer)
    xml = body(client.get(reverse("tracker:concerns_feed")))
    assert "<script>" not in xml
    assert "&lt;script&gt;" in xml


@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_review_needs_a_csrf_token(csrf_client, editor):
    case = alibaba_case()
    csrf_client.force_login(editor)
    data = {"kind": "company", "pk": case.cainiao.pk, "state": "confirmed"}
    assert csrf_client.post(reverse("tracker:review"), data).status_code == 403
    case.cainiao.refresh_from_db()
    assert case.cainiao.review_state == "proposed"
    # With the token from the case page's form, the same POST goes through.
    html = body(csrf_client.get(case.concern.get_absolute_url()))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert csrf_client.post(reverse("tracker:review"), {**data, "csrfmiddlewaretoken": token}).status_code == 302


def test_retry_needs_a_csrf_token(csrf_client, editor):
    job = IngestJob.objects.create(source_name="x.txt", status=IngestJob.Status.FAILED)
    csrf_client.force_login(editor)
    assert csrf_client.post(reverse("tracker:job_retry", args=[job.pk])).status_code == 403
    job.refresh_from_db()
    assert job.status == IngestJob.Status.FAILED


def test_upload_needs_a_csrf_token(csrf_client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csrf_client.force_login(editor)
    response = csrf_client.post(reverse("tracker:job_upload"), {"files": [SimpleUploadedFile("a.txt", b"text")]})
    assert response.status_code == 403
    assert not IngestJob.objects.exists()


def test_logout_needs_a_csrf_token(csrf_client, viewer):
    csrf_client.force_login(viewer)
    assert csrf_client.post(reverse("logout")).status_code == 403


def test_every_post_form_carries_a_csrf_token(client, admin_user_):
    case = alibaba_case()
    job = IngestJob.objects.create(source_name="x.txt", status=IngestJob.Status.FAILED)
    client.force_login(admin_user_)
    for url in [*_pages(case), job.get_absolute_url()]:
        html = body(client.get(url))
        for form in re.findall(r'<form[^>]*method="post".*?</form>', html, re.S):
            assert 'name="csrfmiddlewaretoken"' in form, url


def test_pages_cannot_be_framed(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("tracker:dashboard"))["X-Frame-Options"] == "DENY"
