"""Full-text search over cases: PostgreSQL full-text with GIN indexes, a plain fallback elsewhere.

A case matches when the words are in its title, summary or involved records' names and aliases
(Concern.search_names), or in the text of an article that is evidence for it. On PostgreSQL all
of that is in Concern.search_vector (kept by services.concern_search_refresh), one GIN lookup;
elsewhere it is LIKE over the same fields and a subquery over the articles.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet

from tracker.models import Concern, Evidence

CONFIG = "simple"  # no stemming: names and acronyms in many languages must match as typed


def concerns_matching(qs: QuerySet[Concern], q: str) -> QuerySet[Concern]:
    q = " ".join(q.split())[:200]
    if not q:
        return qs
    if connection.vendor == "postgresql":
        return qs.filter(search_vector=SearchQuery(q, search_type="websearch", config=CONFIG))
    words = q.split()
    match = Q()
    for word in words:
        in_case = Q(title__icontains=word) | Q(summary__icontains=word) | Q(search_names__icontains=word)
        in_articles = Q(pk__in=Evidence.objects.filter(article__text__icontains=word).values("concern_id"))
        match &= in_case | in_articles
    return qs.filter(match)
