"""The Atom feed of the case list: subscribe to a saved search (same query string as /cases/)."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from tracker.filters import ConcernFilter, concern_filter
from tracker.models import Concern


class ConcernFeed(Feed):
    """Atom feed of the filtered case list, newest change first: subscribe to a saved search."""

    feed_type = Atom1Feed
    title = "Security concerns about foreign-owned companies"
    subtitle = "Cases matching the tracker's case-list filters"
    limit = 100

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> ConcernFilter:
        return concern_filter(request.GET)

    def link(self, obj: ConcernFilter) -> str:
        return reverse("tracker:concerns")

    def items(self, obj: ConcernFilter) -> QuerySet[Concern]:
        return obj.qs.order_by("-updated_at", "-pk")[: self.limit]

    def item_title(self, item: Concern) -> str:
        return item.title

    def item_description(self, item: Concern) -> str:
        return item.summary

    def item_updateddate(self, item: Concern) -> Any:
        return item.updated_at

    def item_pubdate(self, item: Concern) -> Any:
        return item.created_at

    def item_categories(self, item: Concern) -> list[str]:
        return item.category_codes()
