"""Records of the tracker: who owns what, who is looking at it, why, and on what evidence.

Every record the ingest pipeline can create carries a review state: the machine *proposes*,
an editor *confirms* or *rejects*. Choice values are the codes of the export contract
(../shared/DESIGN.md, "Machine-readable export").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from tracker.countries import validate_country

LEGAL_FORMS = {
    "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "sa",
    "ag", "nv", "bv", "gmbh", "llc", "holding", "holdings", "group", "se", "spa", "oy", "ab",
    "sarl", "srl", "kg", "lp", "llp", "pte", "pty", "the",
}  # fmt: skip


# History is read one record at a time (by id, newest first); copies of the live tables' indexes
# on it only cost every ingest dozens of index inserts. Names a model lacks are ignored.
HISTORY_UNINDEXED = [
    "created_at", "review_state", "reviewed_by", "normalized_name", "country", "kind", "sector", "parent",
    "acronym", "operator", "first_reported", "last_reported", "host_country", "status", "published",
    "publisher", "source_file", "concern", "date", "company", "agency", "url", "content_hash",
]  # fmt: skip


def history_records(**options) -> HistoricalRecords:
    return HistoricalRecords(no_db_index=HISTORY_UNINDEXED, **options)


# Ingest keys every name of every article, and the same names recur from article to article.
@functools.lru_cache(maxsize=16384)
def normalize_name(name: str) -> str:
    """The matching key of a name: no case, accents, punctuation or legal-form words.

    "Alibaba Group Holding Ltd." and "alibaba" share the key "alibaba".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ").replace("'s ", " ").replace("\u2019s ", " ")
    words = re.sub(r"[^0-9a-z]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)[:255]


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Reviewable(TimeStamped):
    """A record the pipeline may propose and an editor confirms or rejects."""

    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_confirmed(self) -> bool:
        return self.review_state == ReviewState.CONFIRMED


class Named(models.Model):
    """A record found by name: the normalised key is what resolve and the search compare."""

    name = models.CharField(max_length=255)
    normalized_name = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)


class Company(Named, Reviewable):
    country = models.CharField(
        "country of origin", max_length=2, blank=True, validators=[validate_country], db_index=True
    )
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="subsidiaries")
    sector = models.CharField(max_length=100, blank=True, db_index=True)
    state_owned = models.BooleanField(null=True, blank=True, help_text="Unknown when empty.")
    description = models.TextField(blank=True)
    from_gazetteer = models.BooleanField(default=False, help_text="Loaded from the shipped reference data.")

    history = history_records()

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="tracker_company_unique_name"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="tracker_company_not_own_parent"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("tracker:company", args=[self.pk])


class CompanyAlias(Named):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")

    history = history_records()

    class Meta:
        verbose_name_plural = "company aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("company", Lower("name"), name="tracker_companyalias_unique"),
        ]


class Agency(Named, Reviewable):
    class Kind(models.TextChoices):
        INTELLIGENCE = "intelligence", "Intelligence / security service"
        SCREENING = "screening", "Investment-screening authority"
        REGULATOR = "regulator", "Regulator"
        MINISTRY = "ministry", "Ministry / government"
        PARLIAMENT = "parliament", "Parliament"
        LAW_ENFORCEMENT = "law_enforcement", "Law enforcement"
        OTHER = "other", "Other"

    acronym = models.CharField(max_length=40, blank=True, db_index=True)
    country = models.CharField(max_length=2, blank=True, validators=[validate_country], db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    generic_terms = models.JSONField(
        default=list, blank=True, help_text='Phrases that mean this body with a country word, e.g. "security service".'
    )
    from_gazetteer = models.BooleanField(default=False, help_text="Loaded from the shipped reference data.")

    history = history_records()

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "country", name="tracker_agency_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("tracker:agency", args=[self.pk])


class AgencyAlias(Named):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    language = models.CharField(max_length=8, blank=True, help_text="ISO 639-1, e.g. nl")

    history = history_records()

    class Meta:
        verbose_name_plural = "agency aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("agency", Lower("name"), name="tracker_agencyalias_unique"),
        ]


class Facility(Named, Reviewable):
    class Kind(models.TextChoices):
        LOGISTICS_HUB = "logistics_hub", "Logistics hub"
        PORT_TERMINAL = "port_terminal", "Port / terminal"
        AIRPORT = "airport", "Airport"
        PLANT = "plant", "Plant / factory"
        DATA_CENTRE = "data_centre", "Data centre"
        RESEARCH_SITE = "research_site", "Research site"
        OFFICE = "office", "Office"
        ENERGY_ASSET = "energy_asset", "Energy asset"
        TELECOM_NETWORK = "telecom_network", "Telecom network"
        MINE = "mine", "Mine"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    operator = models.ForeignKey(Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="facilities")
    city = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=2, blank=True, validators=[validate_country], db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    history = history_records()

    class Meta:
        verbose_name_plural = "facilities"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "city", "country", name="tracker_facility_unique_place"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="tracker_facility_coordinates_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    def get_absolute_url(self) -> str:
        return reverse("tracker:facility", args=[self.pk])


class FacilityAlias(Named):
    """Another name articles use for the site ("Sizewell C nuclear power station" for "Sizewell C")."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="aliases")

    history = history_records()

    class Meta:
        verbose_name_plural = "facility aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("facility", Lower("name"), name="tracker_facilityalias_unique"),
        ]


class ConcernManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        # The full-text vector is large and only ever read by the database itself.
        return super().get_queryset().defer("search_vector")


class Concern(Reviewable):
    """A case: one security concern about a foreign company's presence or investment."""

    class Category(models.TextChoices):
        ESPIONAGE = "espionage", "Espionage"
        INTERFERENCE = "interference", "Interference"
        DATA_ACCESS = "data_access", "Data access"
        CRITICAL_INFRASTRUCTURE = "critical_infrastructure", "Critical infrastructure"
        TECHNOLOGY_TRANSFER = "technology_transfer", "Technology transfer"
        INVESTMENT_SCREENING = "investment_screening", "Investment screening"
        SANCTIONS = "sanctions", "Sanctions"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        MONITORING = "monitoring", "Monitoring"
        UNDER_REVIEW = "under_review", "Under review"
        BLOCKED = "blocked", "Blocked"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        DIVESTMENT_ORDERED = "divestment_ordered", "Divestment ordered"
        BANNED = "banned", "Banned"
        CLOSED = "closed", "Closed"
        OTHER = "other", "Other"

    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.OTHER, db_index=True)
    host_country = models.CharField(max_length=2, blank=True, validators=[validate_country], db_index=True)
    companies = models.ManyToManyField(Company, blank=True, related_name="concerns")
    facilities = models.ManyToManyField(Facility, blank=True, related_name="concerns")
    agencies = models.ManyToManyField(Agency, blank=True, related_name="concerns")
    first_reported = models.DateField(null=True, blank=True, db_index=True)
    last_reported = models.DateField(null=True, blank=True, db_index=True)
    # Names and aliases of the involved records, kept here so search needs no joins.
    search_names = models.TextField(blank=True, editable=False)
    # PostgreSQL only (NULL elsewhere): the case's words and those of its newest evidence
    # articles, GIN-indexed, so full-text search is one index lookup. See services.concern_search_refresh.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # Set by ingest in a worker, cleared by the worker that then rebuilds the two fields above
    # (services.search_refresh_stale): one rebuild per case for all the files of a few seconds.
    search_stale = models.BooleanField(default=False, editable=False)

    objects = ConcernManager()

    history = history_records(
        m2m_fields=[companies, facilities, agencies], excluded_fields=["search_vector", "search_stale"]
    )

    class Meta:
        ordering = ["-last_reported", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_reported__isnull=True)
                | Q(last_reported__isnull=True)
                | Q(first_reported__lte=F("last_reported")),
                name="tracker_concern_reported_in_order",
            ),
        ]
        indexes = [
            # The case list's default sort and the dashboard's "recently changed".
            models.Index(fields=["-last_reported", "-id"], name="tracker_concern_last_rep"),
            models.Index(fields=["-updated_at"], name="tracker_concern_updated"),
            # Filters combining host country and status.
            models.Index(fields=["host_country", "status"], name="tracker_concern_host_status"),
            # The case list sorted by title (either direction).
            models.Index(fields=["title", "id"], name="tracker_concern_title"),
            # The few cases waiting for their search fields, without a scan of all the others.
            models.Index(fields=["id"], condition=Q(search_stale=True), name="tracker_concern_search_stale"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("tracker:concern", args=[self.pk])

    def category_codes(self) -> list[str]:
        """Note: reads self.category_rows (prefetch it for lists)."""
        return sorted(row.category for row in self.category_rows.all())


class ConcernCategory(models.Model):
    """One category of a concern; a row each so the list can filter on an index."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="category_rows")
    category = models.CharField(max_length=30, choices=Concern.Category.choices, db_index=True)

    class Meta:
        verbose_name_plural = "concern categories"
        constraints = [
            models.UniqueConstraint("concern", "category", name="tracker_concerncategory_unique"),
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class Article(TimeStamped):
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True, db_index=True)
    wire_credits = models.JSONField(default=list, blank=True, help_text='e.g. ["Reuters"]')
    cited_outlets = models.JSONField(default=list, blank=True, help_text='e.g. ["Financial Times"]')
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField()
    source_file = models.CharField(max_length=255, db_index=True)
    source_format = models.CharField(max_length=10, blank=True)
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the cleaned text")
    countries = models.JSONField(default=list, blank=True, help_text="ISO codes the article is about")

    history = history_records(excluded_fields=["text"])

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="tracker_article_unique_hash"),
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="tracker_article_unique_url"),
        ]
        indexes = [
            # Dashboard "newest articles".
            models.Index(fields=["-published", "-id"], name="tracker_article_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("tracker:article", args=[self.pk])


class Event(Reviewable):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", "Agreement"
        INVESTMENT = "investment", "Investment"
        ACQUISITION = "acquisition", "Acquisition"
        LISTING = "listing", "Listing"
        REVIEW_OPENED = "review_opened", "Review opened"
        DECISION = "decision", "Decision"
        BAN = "ban", "Ban"
        DIVESTMENT = "divestment", "Divestment"
        STATEMENT = "statement", "Statement"
        OTHER = "other", "Other"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(db_index=True)
    precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.CharField(max_length=500)

    history = history_records()

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint("concern", "date", "kind", "description", name="tracker_event_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.description}"


class Evidence(TimeStamped):
    """One sentence of one article that supports one fact about one record."""

    class Fact(models.TextChoices):
        MENTION = "mention", "Mentioned"
        PARENT = "parent", "Parent company"
        OPERATOR = "operator", "Operator"
        CONCERN = "concern", "Concern stated"
        EVENT = "event", "Event"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    fact = models.CharField(max_length=10, choices=Fact.choices, default=Fact.MENTION)
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    concern = models.ForeignKey(Concern, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    company = models.ForeignKey(Company, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    facility = models.ForeignKey(Facility, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    # What this sentence claims, in the article's own terms (for a concern: its categories, status
    # and the records named), so an article's export shows what *it* said, not the merged case.
    claim = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="tracker_evidence_span_valid"),
            models.CheckConstraint(
                condition=Q(concern__isnull=False)
                | Q(company__isnull=False)
                | Q(facility__isnull=False)
                | Q(agency__isnull=False)
                | Q(event__isnull=False),
                name="tracker_evidence_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"“{self.quote[:80]}”"

    def get_absolute_url(self) -> str:
        return reverse("tracker:article", args=[self.article_id]) + f"#ev{self.pk}"


class Feed(TimeStamped):
    """An RSS/Atom feed polled by Celery beat."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    history = history_records(excluded_fields=["etag", "last_modified", "last_polled_at"])

    class Meta:
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class IngestJob(models.Model):
    """One file's trip through the pipeline."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Ingested"
        DUPLICATE = "duplicate", "Duplicate"
        EMPTY = "empty", "Nothing to ingest"
        FAILED = "failed", "Failed"

    source_name = models.CharField(max_length=255, help_text="Base name of the file")
    path = models.CharField(max_length=2000, blank=True, help_text="Absolute path a worker reads")
    root = models.CharField(max_length=2000, blank=True, help_text="The folder the path must stay inside")
    payload = models.BinaryField(null=True, blank=True, editable=False, help_text="Uploaded / fetched bytes")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    error = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    articles = models.ManyToManyField(Article, blank=True, related_name="ingest_jobs")
    summary = models.JSONField(default=dict, blank=True, help_text="What the job created or updated")
    attempts = models.PositiveIntegerField(default=0)
    batch = models.CharField(max_length=40, blank=True, db_index=True)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When its message was sent again because the first may have been lost (pipeline.jobs_requeue_lost).
    requeued_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The staff job list filters on failures and work in flight.
            models.Index(fields=["status", "-created_at"], name="tracker_ingestjob_status"),
        ]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("tracker:job", args=[self.pk])

    @property
    def duration(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.DUPLICATE, self.Status.EMPTY, self.Status.FAILED}


class MergeRecord(models.Model):
    """What an editor merged into what, kept after the duplicate is gone."""

    model = models.CharField(max_length=40)
    survivor_id = models.BigIntegerField()
    survivor_name = models.CharField(max_length=255)
    merged_id = models.BigIntegerField()
    merged_name = models.CharField(max_length=255)
    moved = models.JSONField(default=dict, help_text="How many rows of each relation moved")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.model} {self.merged_name!r} → {self.survivor_name!r}"
