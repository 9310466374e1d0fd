"""Full-text search over cases: PostgreSQL full-text with GIN indexes, a plain fallback elsewhere.

A case matches when the words are in its title, summary or involved records' names and aliases
(Concern.search_names), or in the text of an article that is evidence for it. The vectors are
the very expressions the GIN indexes of migration 0002 are built on, so PostgreSQL uses them.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

from tracker.models import Article, Concern, Evidence

CONFIG = "simple"  # no stemming: names and acronyms in many languages must match as typed


def concern_vector() -> SearchVector:
    return SearchVector("title", "summary", "search_names", config=CONFIG)


def article_vector() -> SearchVector:
    return SearchVector("title", "text", config=CONFIG)


def concerns_matching(qs: QuerySet[Concern], q: str) -> QuerySet[Concern]:
    q = " ".join(q.split())[:200]
    if not q:
        return qs
    if connection.vendor == "postgresql":
        query = SearchQuery(q, search_type="websearch", config=CONFIG)
        articles = Article.objects.annotate(v=article_vector()).filter(v=query).values("pk")
        via_articles = Evidence.objects.filter(article__in=articles, concern__isnull=False).values("concern_id")
        return qs.annotate(search=concern_vector()).filter(Q(search=query) | Q(pk__in=via_articles))
    words = q.split()
    match = Q()
    for word in words:
        in_case = Q(title__icontains=word) | Q(summary__icontains=word) | Q(search_names__icontains=word)
        in_articles = Q(pk__in=Evidence.objects.filter(article__text__icontains=word).values("concern_id"))
        match &= in_case | in_articles
    return qs.filter(match)
