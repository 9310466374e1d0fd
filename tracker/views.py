"""The analysts' pages: plain function views, each building one ctx and rendering it.

Access: LoginRequiredMiddleware sends anonymous visitors to the login page; a logged-in user
needs the viewer or editor role (the tracker's view permissions) or gets 403; confirm / reject
needs an editor; ingest jobs and uploads need staff.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from tracker import selectors, services
from tracker.countries import country_name
from tracker.feeds import ConcernFeed
from tracker.filters import DEFAULT_SORT, concern_filter
from tracker.forms import ArticleSearchForm, JobFilterForm, ReviewForm, SearchForm, UploadForm, parse_ids
from tracker.models import Agency, Company, Concern, Event, Evidence, Facility, IngestJob

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
# Editors' and viewers' groups both hold the tracker's view permissions; outsiders hold none.
can_view = permission_required("tracker.view_concern", raise_exception=True)


def staff_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows: an exact COUNT(*) of a common search word over a large
    register costs more than the page itself, and nobody pages past the first few thousand."""

    COUNT_CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP


def _paginate(request: HttpRequest, qs: QuerySet, per_page: int = PAGE_SIZE) -> Page:
    # get_page() turns page=abc into 1 and page=9999 into the last page instead of a 404/500.
    return CappedPaginator(qs, per_page).get_page(request.GET.get("page"))


def _get_or_404(record: Any) -> Any:
    if record is None:
        raise Http404
    return record


# Dashboard ------------------------------------------------------------------------------------


@require_safe
@can_view
def dashboard(request: HttpRequest) -> HttpResponse:
    stats = selectors.dashboard_stats()
    charts = {
        "months": stats["chart_months"],
        "categories": stats["chart_categories"],
        "hosts": stats["chart_hosts"],
        "origins": stats["chart_origins"],
        "facilities": stats["map_facilities"],
    }
    ctx = {"page": "dashboard", "stats": stats, "charts": charts}
    return render(request, "tracker/dashboard.html", ctx)


# Cases ----------------------------------------------------------------------------------------------


@require_safe
@can_view
def concern_list(request: HttpRequest) -> HttpResponse:
    filterset = concern_filter(request.GET)
    page = _paginate(request, filterset.qs)
    ctx = {
        "page": "concerns",
        "filter": filterset,
        "form": filterset.form,
        "cases": page,
        "current_sort": filterset.current_sort,
        "default_sort": DEFAULT_SORT,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render(request, "tracker/concern_list.html", ctx)


class _Echo:
    """A file-like object for csv.writer that hands each row back instead of storing it."""

    def write(self, value: str) -> str:
        return value


CSV_HEADER = [
    "id", "title", "status", "categories", "host_country", "companies", "origin_countries",
    "facilities", "agencies", "first_reported", "last_reported", "review_state", "updated_at", "url", "summary",
]  # fmt: skip
# Spreadsheets run cells starting with these as formulas; article-derived text is hostile input.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _concern_row(concern: Concern, base_url: str) -> list[str]:
    companies = list(concern.companies.all())
    return [
        _csv_cell(v)
        for v in (
            concern.pk,
            concern.title,
            concern.status,
            "; ".join(concern.category_codes()),
            concern.host_country,
            "; ".join(c.name for c in companies),
            "; ".join(sorted({c.country for c in companies if c.country})),
            "; ".join(f.name for f in concern.facilities.all()),
            "; ".join(a.name for a in concern.agencies.all()),
            concern.first_reported,
            concern.last_reported,
            concern.review_state,
            concern.updated_at.isoformat(),
            base_url + concern.get_absolute_url(),
            concern.summary,
        )
    ]


def _export_name(extension: str) -> str:
    return f"cases-{timezone.now():%Y%m%d-%H%M}.{extension}"


@require_safe
@can_view
def concern_export_csv(request: HttpRequest) -> StreamingHttpResponse:
    qs = selectors.concerns_for_export(concern_filter(request.GET).qs)
    base_url = request.build_absolute_uri("/").rstrip("/")
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield "\ufeff"  # so spreadsheet programs read the names as UTF-8
        yield writer.writerow(CSV_HEADER)
        # iterator() streams big sets in chunks; the prefetches run once per chunk.
        for concern in qs.iterator(chunk_size=1000):
            yield writer.writerow(_concern_row(concern, base_url))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("csv")}"'
    return response


def _concern_json(concern: Concern, base_url: str) -> dict[str, Any]:
    return {
        "id": concern.pk,
        "url": base_url + concern.get_absolute_url(),
        "title": concern.title,
        "summary": concern.summary,
        "categories": concern.category_codes(),
        "status": concern.status,
        "host_country": concern.host_country,
        "companies": [c.name for c in concern.companies.all()],
        "origin_countries": sorted({c.country for c in concern.companies.all() if c.country}),
        "agencies": [a.name for a in concern.agencies.all()],
        "facilities": [f.name for f in concern.facilities.all()],
        "first_reported": concern.first_reported,
        "last_reported": concern.last_reported,
        "review_state": concern.review_state,
        "updated_at": concern.updated_at,
        "evidence": [
            {"source_file": ev.article.source_file, "article": ev.article.title, "quote": ev.quote}
            for ev in concern.evidence.all()
        ],
    }


@require_safe
@can_view
def concern_export_json(request: HttpRequest) -> StreamingHttpResponse:
    qs = selectors.concerns_for_export(concern_filter(request.GET).qs).prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("article").defer("article__text"))
    )
    base_url = request.build_absolute_uri("/").rstrip("/")

    def chunks() -> Iterator[str]:
        yield '{"concerns": ['
        for i, concern in enumerate(qs.iterator(chunk_size=1000)):
            yield ("," if i else "") + "\n" + json.dumps(_concern_json(concern, base_url), cls=DjangoJSONEncoder)
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("json")}"'
    return response


_concern_feed = ConcernFeed()


@require_safe
@can_view
def concern_feed(request: HttpRequest) -> HttpResponse:
    return _concern_feed(request)


@require_safe
@can_view
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    concern = _get_or_404(selectors.concern_get(pk))
    is_editor = services.user_is_editor(request.user)
    ctx = {
        "page": "concerns",
        "concern": concern,
        "categories": list(concern.category_rows.all()),
        "sources": selectors.concern_evidence(concern),
        "related": list(selectors.concern_related(concern)),
        "is_editor": is_editor,
        "proposed": selectors.concern_proposed_records(concern) if is_editor else [],
    }
    return render(request, "tracker/concern_detail.html", ctx)


REVIEW_MODELS: dict[str, type] = {
    "concern": Concern,
    "company": Company,
    "facility": Facility,
    "agency": Agency,
    "event": Event,
}


@require_POST
@can_view
def record_review(request: HttpRequest) -> HttpResponse:
    if not services.user_is_editor(request.user):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Invalid review request.", status=400, content_type="text/plain")
    model = REVIEW_MODELS[form.cleaned_data["kind"]]
    record = _get_or_404(model.objects.filter(pk=form.cleaned_data["pk"]).first())
    state = form.cleaned_data["state"]
    changed = services.records_review(records=[record], state=state, user=request.user)
    selectors.dashboard_refresh_soon(delay=0)
    name = model._meta.verbose_name.capitalize()
    messages.success(request, f"{name} “{record}” {state}." if changed else f"{name} “{record}” was already {state}.")
    logger.info("%s marked %s %s %s", request.user, model._meta.model_name, record.pk, state)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        # Events have no page of their own: they are shown on their case.
        target = reverse("tracker:concern", args=[record.concern_id]) if model is Event else record.get_absolute_url()
    return redirect(target)


# Companies, facilities, agencies, articles ----------------------------------------------------------


CASES_SHOWN = 50


def _case_sample(qs: QuerySet[Concern]) -> tuple[list[Concern], bool]:
    """The newest cases for an entity page, and whether there are more (the case list has them all)."""
    rows = list(qs[: CASES_SHOWN + 1])
    return rows[:CASES_SHOWN], len(rows) > CASES_SHOWN


def _entity_list(
    request: HttpRequest, template: str, page_name: str, selector: Callable[..., QuerySet]
) -> HttpResponse:
    form = SearchForm(request.GET)
    page = _paginate(request, selector(**form.values()))
    ctx = {"page": page_name, "form": form, "rows": page}
    return render(request, template, ctx)


@require_safe
@can_view
def company_list(request: HttpRequest) -> HttpResponse:
    return _entity_list(request, "tracker/company_list.html", "companies", selectors.company_list)


@require_safe
@can_view
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = _get_or_404(selectors.company_get(pk))
    ctx = {
        "page": "companies",
        "company": company,
        "parents": selectors.company_parent_chain(company),
        "tree": selectors.company_subsidiary_tree(company),
        "facilities": list(selectors.company_facilities(company)),
    }
    ctx["cases"], ctx["cases_more"] = _case_sample(selectors.company_concerns(company))
    return render(request, "tracker/company_detail.html", ctx)


@require_safe
@can_view
def facility_list(request: HttpRequest) -> HttpResponse:
    return _entity_list(request, "tracker/facility_list.html", "facilities", selectors.facility_list)


@require_safe
@can_view
def facility_detail(request: HttpRequest, pk: int) -> HttpResponse:
    facility = _get_or_404(selectors.facility_get(pk))
    map_data = None
    if facility.latitude is not None and facility.longitude is not None:
        map_data = {
            "facilities": [
                {
                    "name": facility.name,
                    "place": ", ".join(p for p in (facility.city, country_name(facility.country)) if p),
                    "lat": facility.latitude,
                    "lon": facility.longitude,
                    "url": facility.get_absolute_url(),
                }
            ],
            "zoom": 5,
        }
    ctx = {
        "page": "facilities",
        "facility": facility,
        "map_data": map_data,
    }
    ctx["cases"], ctx["cases_more"] = _case_sample(selectors.concerns_for_list().filter(facilities=facility))
    return render(request, "tracker/facility_detail.html", ctx)


@require_safe
@can_view
def agency_list(request: HttpRequest) -> HttpResponse:
    return _entity_list(request, "tracker/agency_list.html", "agencies", selectors.agency_list)


@require_safe
@can_view
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _get_or_404(selectors.agency_get(pk))
    ctx = {
        "page": "agencies",
        "agency": agency,
    }
    ctx["cases"], ctx["cases_more"] = _case_sample(selectors.concerns_for_list().filter(agencies=agency))
    return render(request, "tracker/agency_detail.html", ctx)


@require_safe
@can_view
def article_list(request: HttpRequest) -> HttpResponse:
    form = ArticleSearchForm(request.GET)
    page = _paginate(request, selectors.article_list(**form.values()))
    ctx = {"page": "articles", "form": form, "rows": page}
    return render(request, "tracker/article_list.html", ctx)


@require_safe
@can_view
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = _get_or_404(selectors.article_get(pk))
    evidence = selectors.article_evidence(article)
    links = {ev.pk: selectors.evidence_record_url(ev) for ev in evidence}
    segments = selectors.article_segments(article.text, evidence)
    for segment in segments:
        # A stretch links to the record of the narrowest span covering it (a company named inside a
        # case's sentence links to the company); every record is also listed beside the text.
        narrowest = min(segment.evidence, key=lambda ev: ev.end - ev.start, default=None)
        segment.link = links.get(narrowest.pk, "") if narrowest else ""
    ctx = {
        "page": "articles",
        "article": article,
        "segments": segments,
        "records": selectors.article_records(evidence),
    }
    return render(request, "tracker/article_detail.html", ctx)


# Ingest jobs (staff) ------------------------------------------------------------------------------------


@require_safe
@staff_required
def job_list(request: HttpRequest) -> HttpResponse:
    form = JobFilterForm(request.GET)
    form.is_valid()
    status = form.cleaned_data.get("status") or ""
    ids = form.cleaned_data.get("ids")
    page = _paginate(request, selectors.jobs_list(status=status, ids=ids))
    unfinished = [job.pk for job in page if not job.is_finished]
    ctx = {
        "page": "jobs",
        "form": form,
        "jobs": page,
        "batch_ids": ids,
        "poll": {"url": reverse("tracker:jobs_status"), "ids": unfinished},
    }
    return render(request, "tracker/job_list.html", ctx)


@require_safe
@staff_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _get_or_404(selectors.job_get(pk))
    ctx = {
        "page": "jobs",
        "job": job,
        "articles": list(job.articles.all()),
        "summary_json": json.dumps(job.summary, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder),
        "poll": {"url": reverse("tracker:jobs_status"), "ids": [] if job.is_finished else [job.pk]},
    }
    return render(request, "tracker/job_detail.html", ctx)


@require_POST
@staff_required
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    # Imported here: the pipeline is built alongside these pages and must not block them loading.
    from tracker.ingest.pipeline import job_retry as pipeline_job_retry

    job = _get_or_404(IngestJob.objects.defer("payload").filter(pk=pk).first())
    try:
        pipeline_job_retry(job=job, user=request.user)
    except ValueError as error:  # e.g. the job is no longer failed: someone retried it first
        messages.error(request, f"Job {job.pk} cannot be retried: {error}.")
    else:
        messages.success(request, f"Job {job.pk} ({job.source_name}) queued again.")
    return redirect("tracker:job", pk=job.pk)


@staff_required
def job_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        from tracker.ingest.pipeline import jobs_create_from_uploads

        # Files over the size limit become failed jobs with the reason, so the batch shows them too.
        jobs = jobs_create_from_uploads(files=form.cleaned_data["files"], user=request.user)
        logger.info("%s uploaded %d file(s) for ingest", request.user, len(jobs))
        messages.success(request, f"{len(jobs)} file(s) queued for ingest.")
        ids = ",".join(str(job.pk) for job in jobs)
        return redirect(reverse("tracker:jobs") + f"?ids={ids}")
    ctx = {"page": "jobs", "form": form}
    return render(request, "tracker/job_upload.html", ctx)


@require_safe
@staff_required
def job_status_json(request: HttpRequest) -> JsonResponse:
    ids = parse_ids(request.GET.get("ids", ""))
    jobs = selectors.jobs_list(ids=ids)
    rows = [
        {
            "id": job.pk,
            "status": job.status,
            "status_label": job.get_status_display(),
            "finished": job.is_finished,
            "error": job.error,
            "duration": job.duration,
            "url": job.get_absolute_url(),
        }
        for job in jobs
    ]
    return JsonResponse({"jobs": rows, "finished": all(row["finished"] for row in rows)})
