"""The case list's filters: one FilterSet whose form lives in the query string, so a URL can be shared.

An invalid value (bad date, unknown country, non-numeric id, unknown sort) becomes a form error
and that one filter is ignored: django-filter applies only the fields that cleaned.
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from tracker import selectors
from tracker.countries import country_choices
from tracker.forms import FastSelect
from tracker.models import Agency, Company, Concern, ConcernCategory, ReviewState

# ?sort= values and the ordering each one means; nulls sort last either way so undated cases
# never crowd the top of a list.
SORTS: dict[str, tuple[str, list]] = {
    "-last_reported": ("Last reported, newest first", [F("last_reported").desc(nulls_last=True), "-pk"]),
    "last_reported": ("Last reported, oldest first", [F("last_reported").asc(nulls_last=True), "pk"]),
    "-first_reported": ("First reported, newest first", [F("first_reported").desc(nulls_last=True), "-pk"]),
    "first_reported": ("First reported, oldest first", [F("first_reported").asc(nulls_last=True), "pk"]),
    "-updated_at": ("Last change, newest first", ["-updated_at", "-pk"]),
    "updated_at": ("Last change, oldest first", ["updated_at", "pk"]),
    "title": ("Title, A–Z", ["title", "pk"]),
    "-title": ("Title, Z–A", ["-title", "-pk"]),
}
DEFAULT_SORT = "-last_reported"
ANY_REVIEW_STATE = "any"


class ConcernFilterForm(forms.Form):
    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("reported_from"), data.get("reported_to")
        if start and end and start > end:
            self.add_error("reported_to", "The end of the range is before its start.")
            data.pop("reported_to", None)
        return data


class ConcernFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search")
    host_country = django_filters.ChoiceFilter(
        choices=country_choices, label="Host country", empty_label="Any", widget=FastSelect
    )
    origin_country = django_filters.ChoiceFilter(
        choices=country_choices,
        method="filter_origin",
        label="Origin country (company)",
        empty_label="Any",
        widget=FastSelect,
    )
    category = django_filters.ChoiceFilter(
        choices=Concern.Category.choices,
        method="filter_category",
        label="Category",
        empty_label="Any",
        widget=FastSelect,
    )
    status = django_filters.ChoiceFilter(
        choices=Concern.Status.choices, label="Status", empty_label="Any", widget=FastSelect
    )
    # ~440 agencies at 100,000 cases: rendered through Django's option templates they cost ~15 ms a page.
    agency = django_filters.ModelChoiceFilter(
        queryset=Agency.objects.only("pk", "name", "acronym").order_by("name"),
        method="filter_agency",
        label="Agency",
        empty_label="Any",
        widget=FastSelect,
    )
    # A hidden field set by links (company pages, the company names in the list): a select of
    # every company in a case took most of the page's time at 10,000 cases.
    company = django_filters.ModelChoiceFilter(
        queryset=Company.objects.only("pk", "name"),
        method="filter_company",
        label="Company (with subsidiaries)",
        widget=forms.HiddenInput,
    )
    sector = django_filters.CharFilter(method="filter_sector", label="Sector")
    reported_from = django_filters.DateFilter(
        method="filter_reported_from", label="Reported from", widget=forms.DateInput(attrs={"type": "date"})
    )
    reported_to = django_filters.DateFilter(
        method="filter_reported_to", label="Reported to", widget=forms.DateInput(attrs={"type": "date"})
    )
    review_state = django_filters.ChoiceFilter(
        choices=[*ReviewState.choices, (ANY_REVIEW_STATE, "Any, rejected included")],
        method="filter_review_state",
        empty_label="Not rejected",
        label="Review state",
        widget=FastSelect,
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="filter_sort",
        empty_label=None,
        label="Sort",
        widget=FastSelect,
    )

    class Meta:
        model = Concern
        fields: list[str] = []
        form = ConcernFilterForm

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Rejected cases stay out unless the review-state filter asks for them.
        if not self.form.cleaned_data.get("review_state"):
            queryset = queryset.exclude(review_state=ReviewState.REJECTED)
        return super().filter_queryset(queryset)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.concerns_search(queryset, value)

    def filter_origin(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        through = Concern.companies.through.objects.filter(company__country=value)
        return queryset.filter(pk__in=through.values("concern_id"))

    def filter_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(pk__in=ConcernCategory.objects.filter(category=value).values("concern_id"))

    def filter_agency(self, queryset: QuerySet, name: str, value: Agency) -> QuerySet:
        through = Concern.agencies.through.objects.filter(agency=value)
        return queryset.filter(pk__in=through.values("concern_id"))

    def filter_company(self, queryset: QuerySet, name: str, value: Company) -> QuerySet:
        # A parent answers for its group: its subsidiaries' cases and the facilities they operate.
        return queryset.filter(pk__in=selectors.company_group_concern_ids(value.pk))

    def filter_sector(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        through = Concern.companies.through.objects.filter(company__sector__icontains=value.strip())
        return queryset.filter(pk__in=through.values("concern_id"))

    def filter_reported_from(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        # Cases still being reported on or after the date: their window overlaps the range.
        return queryset.alias(_last=Coalesce("last_reported", "first_reported")).filter(_last__gte=value)

    def filter_reported_to(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.alias(_first=Coalesce("first_reported", "last_reported")).filter(_first__lte=value)

    def filter_review_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ANY_REVIEW_STATE:
            return queryset
        return queryset.filter(review_state=value)

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*SORTS[value][1])

    @property
    def selected_company(self) -> Company | None:
        self.errors  # noqa: B018 -- validates the form, so cleaned_data exists
        return self.form.cleaned_data.get("company")

    @property
    def current_sort(self) -> str:
        self.errors  # noqa: B018 -- validates the form, so cleaned_data exists
        return self.form.cleaned_data.get("sort") or DEFAULT_SORT


def concern_filter(data) -> ConcernFilter:
    """The case list's FilterSet, always bound (an empty query string still hides rejected cases)."""
    return ConcernFilter(data if data is not None else {}, queryset=selectors.concerns_for_list())
