"""Template helpers: query-string links that keep the current filters, and display of codes."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.http import QueryDict
from django.urls import reverse

from tracker.countries import country_name as _country_name
from tracker.models import Concern, IngestJob, ReviewState

register = template.Library()


def _query(context: template.Context, **changes: str | None) -> str:
    """The current query string with some keys set (in place, or appended) or removed (None).

    Built from the items rather than GET.copy(): a deep copy per link was ~5 ms of a case list,
    which has one "only this company" link per company. Encodes like QueryDict.urlencode().
    """
    current: QueryDict = context["request"].GET
    pairs: list[tuple[str, str]] = []
    for key, values in current.lists():
        if key not in changes:
            pairs.extend((key, value) for value in values)
        elif changes[key] is not None:
            pairs.append((key, changes[key]))
    pairs.extend((key, value) for key, value in changes.items() if value is not None and key not in current)
    encoded = urlencode(pairs)
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def sort_url(context: template.Context, key: str) -> str:
    """Link to the list sorted by `key`; clicking the current sort flips its direction.

    `key` carries the first direction: "-last_reported" starts newest first, "title" A–Z.
    The page number is dropped: page 7 of another order means nothing.
    """
    current = context.get("current_sort", "")
    base = key.lstrip("-")
    if current == key:
        key = base if key.startswith("-") else f"-{base}"
    return _query(context, sort=key, page=None)


@register.simple_tag(takes_context=True)
def sort_arrow(context: template.Context, key: str) -> str:
    current = context.get("current_sort", "")
    if current.lstrip("-") != key.lstrip("-"):
        return ""
    return "▼" if current.startswith("-") else "▲"


@register.simple_tag(takes_context=True)
def filter_url(context: template.Context, key: str, value: object = None) -> str:
    """The current list with one filter set to `value` (or removed when it is None), from page 1."""
    return _query(context, **{key: None if value is None else str(value)}, page=None)


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, page: int) -> str:
    return _query(context, page=str(page))


@register.simple_tag(takes_context=True)
def export_url(context: template.Context, url_name: str) -> str:
    """The export / feed URL of exactly the filtered set: same filters, no page."""
    return reverse(url_name) + _query(context, page=None).rstrip("?")


@register.filter
def country_name(code: str | None) -> str:
    return _country_name(code)


REVIEW_CLASSES = {
    ReviewState.PROPOSED: "badge-warning",
    ReviewState.CONFIRMED: "badge-success",
    ReviewState.REJECTED: "badge-secondary",
}
JOB_CLASSES = {
    IngestJob.Status.QUEUED: "badge-light",
    IngestJob.Status.RUNNING: "badge-info",
    IngestJob.Status.DONE: "badge-success",
    IngestJob.Status.DUPLICATE: "badge-secondary",
    IngestJob.Status.EMPTY: "badge-secondary",
    IngestJob.Status.FAILED: "badge-danger",
}
STATUS_CLASSES = {
    Concern.Status.MONITORING: "badge-info",
    Concern.Status.UNDER_REVIEW: "badge-primary",
    Concern.Status.BLOCKED: "badge-danger",
    Concern.Status.BANNED: "badge-danger",
    Concern.Status.DIVESTMENT_ORDERED: "badge-danger",
    Concern.Status.APPROVED_WITH_CONDITIONS: "badge-warning",
    Concern.Status.CLOSED: "badge-secondary",
}


@register.filter
def review_class(state: str) -> str:
    return REVIEW_CLASSES.get(state, "badge-light")


@register.filter
def job_class(status: str) -> str:
    return JOB_CLASSES.get(status, "badge-light")


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "badge-light")


@register.filter
def status_label(status: str) -> str:
    return dict(Concern.Status.choices).get(status, status)


@register.filter
def model_name(record: object) -> str:
    return record._meta.model_name  # type: ignore[attr-defined]


@register.filter
def http_url(url: str | None) -> str:
    """The URL if it is http(s), else nothing: an article's source URL is untrusted input."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""
