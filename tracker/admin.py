"""Django admin for editors: large tables, review actions, merges and history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from tracker import services
from tracker.models import (
    Agency,
    AgencyAlias,
    Article,
    Company,
    CompanyAlias,
    Concern,
    ConcernCategory,
    Event,
    Evidence,
    Facility,
    FacilityAlias,
    Feed,
    IngestJob,
    MergeRecord,
    ReviewState,
)


class EstimatedCountPaginator(Paginator):
    """Skip COUNT(*) over huge tables: PostgreSQL's planner estimate is enough to page."""

    @cached_property
    def count(self) -> int:
        query = self.object_list.query
        if not query.where and self.object_list.db == "default":
            from django.db import connection

            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [query.model._meta.db_table]
                    )
                    row = cursor.fetchone()
                if row and row[0] > 10000:
                    return int(row[0])
        return super().count


class BigTableAdmin(SimpleHistoryAdmin):
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50


class NamedRecordAdmin(BigTableAdmin):
    """Companies, agencies, facilities: a rename shows in the search text of their cases."""

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.concern_search_refresh(concern_ids=form.instance.concerns.values_list("pk", flat=True))


def _review_action(state: str, label: str):
    @admin.action(description=label, permissions=["change"])
    def action(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
        count = services.records_review(records=queryset, state=state, user=request.user)
        modeladmin.message_user(request, f"{count} record(s) marked {state}.", messages.SUCCESS)

    action.__name__ = f"mark_{state}"
    return action


confirm_selected = _review_action(ReviewState.CONFIRMED, "Confirm selected records")
reject_selected = _review_action(ReviewState.REJECTED, "Reject selected records")


@admin.action(description="Merge selected into one…", permissions=["change"])
def merge_selected(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    records = list(queryset[:50])
    if len(records) < 2:
        modeladmin.message_user(request, "Select at least two records to merge.", messages.WARNING)
        return None
    if request.POST.get("survivor"):
        survivor = next((r for r in records if str(r.pk) == request.POST["survivor"]), None)
        if survivor is None:
            modeladmin.message_user(request, "Choose which record to keep.", messages.ERROR)
            return None
        for duplicate in records:
            if duplicate.pk != survivor.pk:
                services.records_merge(survivor=survivor, duplicate=duplicate, user=request.user)
        modeladmin.message_user(request, f"Merged {len(records) - 1} record(s) into “{survivor}”.", messages.SUCCESS)
        return None
    ctx = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {modeladmin.model._meta.verbose_name_plural}",
        "records": records,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return render(request, "admin/tracker/merge.html", ctx)


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    extra = 1
    fields = ["name"]


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 1
    fields = ["name", "language"]


class FacilityAliasInline(admin.TabularInline):
    model = FacilityAlias
    extra = 1
    fields = ["name"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["fact", "quote", "article", "start", "end"]
    raw_id_fields = ["article"]
    show_change_link = True
    max_num = 0  # evidence comes from articles; editors read and delete it here, they don't type it

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article")


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["date", "precision", "kind", "description", "review_state"]


class ConcernCategoryInline(admin.TabularInline):
    model = ConcernCategory
    extra = 1


class CountryListFilter(admin.SimpleListFilter):
    """Countries present in the table, not the whole ISO list."""

    title = "country"
    parameter_name = "country"
    field = "country"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        from tracker.countries import country_name

        codes = model_admin.model.objects.exclude(**{self.field: ""}).values_list(self.field, flat=True).distinct()
        return sorted(((c, country_name(c)) for c in codes[:300]), key=lambda item: item[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(**{self.field: self.value()}) if self.value() else queryset


class HostCountryListFilter(CountryListFilter):
    title = "host country"
    parameter_name = "host_country"
    field = "host_country"


class CategoryListFilter(admin.SimpleListFilter):
    title = "category"
    parameter_name = "category"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return list(Concern.Category.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(category_rows__category=self.value()) if self.value() else queryset


@admin.register(Company)
class CompanyAdmin(NamedRecordAdmin):
    list_display = ["name", "country", "parent", "sector", "state_owned", "review_state", "updated_at"]
    list_filter = ["review_state", CountryListFilter, "state_owned", "from_gazetteer"]
    list_select_related = ["parent"]
    search_fields = ["name", "aliases__name", "parent__name", "sector"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at", "updated_at"]
    inlines = [CompanyAliasInline, EvidenceInline]
    actions = [confirm_selected, reject_selected, merge_selected]


@admin.register(Agency)
class AgencyAdmin(NamedRecordAdmin):
    list_display = ["name", "acronym", "country", "kind", "review_state", "updated_at"]
    list_filter = ["review_state", "kind", CountryListFilter, "from_gazetteer"]
    search_fields = ["name", "acronym", "aliases__name"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at", "updated_at"]
    inlines = [AgencyAliasInline, EvidenceInline]
    actions = [confirm_selected, reject_selected, merge_selected]


@admin.register(Facility)
class FacilityAdmin(NamedRecordAdmin):
    list_display = ["name", "kind", "operator", "city", "country", "review_state", "updated_at"]
    list_filter = ["review_state", "kind", CountryListFilter]
    list_select_related = ["operator"]
    search_fields = ["name", "aliases__name", "city", "operator__name", "operator__aliases__name"]
    autocomplete_fields = ["operator"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at", "updated_at"]
    inlines = [FacilityAliasInline, EvidenceInline]
    actions = [confirm_selected, reject_selected, merge_selected]


@admin.register(Concern)
class ConcernAdmin(BigTableAdmin):
    list_display = ["title", "status", "host_country", "first_reported", "last_reported", "review_state"]
    list_filter = ["review_state", "status", CategoryListFilter, HostCountryListFilter]
    search_fields = ["title", "summary", "companies__name", "companies__aliases__name", "agencies__name"]
    autocomplete_fields = ["companies", "facilities", "agencies"]
    readonly_fields = ["reviewed_by", "reviewed_at", "created_at", "updated_at"]
    date_hierarchy = None
    inlines = [ConcernCategoryInline, EventInline, EvidenceInline]
    actions = [confirm_selected, reject_selected]

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.concern_search_refresh(concern_ids=[form.instance.pk])


@admin.register(Article)
class ArticleAdmin(BigTableAdmin):
    list_display = ["title", "publisher", "published", "language", "source_file", "created_at"]
    list_filter = ["language", "source_format"]
    search_fields = ["title", "publisher", "url", "source_file", "content_hash"]
    readonly_fields = ["content_hash", "source_file", "source_format", "created_at", "updated_at"]
    inlines = [EvidenceInline]


@admin.register(Event)
class EventAdmin(BigTableAdmin):
    list_display = ["date", "kind", "description", "concern", "review_state"]
    list_filter = ["review_state", "kind", "precision"]
    list_select_related = ["concern"]
    search_fields = ["description", "concern__title"]
    autocomplete_fields = ["concern"]
    inlines = [EvidenceInline]
    actions = [confirm_selected, reject_selected]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_display = ["__str__", "fact", "article", "concern", "company", "agency", "facility"]
    list_filter = ["fact"]
    list_select_related = ["article", "concern", "company", "agency", "facility"]
    search_fields = ["quote", "article__title"]
    raw_id_fields = ["article", "concern", "company", "facility", "agency", "event"]


@admin.register(CompanyAlias)
class CompanyAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "company"]
    list_select_related = ["company"]
    search_fields = ["name", "company__name"]
    autocomplete_fields = ["company"]


@admin.register(AgencyAlias)
class AgencyAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "language", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "agency__name"]
    autocomplete_fields = ["agency"]


@admin.register(Feed)
class FeedAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "url", "active", "last_polled_at", "last_error"]
    list_filter = ["active"]
    search_fields = ["title", "url"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "last_error"]


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_display = ["source_name", "status", "error", "attempts", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["source_name", "path", "error", "content_hash"]
    readonly_fields = [f.name for f in IngestJob._meta.fields if f.name != "payload"]
    raw_id_fields = ["articles", "feed"]


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "merged_name", "survivor_name", "merged_by", "merged_at"]
    list_filter = ["model"]
    search_fields = ["merged_name", "survivor_name"]
    readonly_fields = [f.name for f in MergeRecord._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
