"""What a worker's database work per file costs, and the shortcuts that keep it low.

The query counts are upper bounds: a change that adds a round trip per file fails here.
Each shortcut (the claim that reads the job back, the insert that catches a duplicate, the
agency tables kept in memory, one statement for many tables) is checked for doing what the
long way did.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import DataError, IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.conftest import need_postgres
from tests.factories import AgencyFactory, CompanyFactory, ConcernFactory
from tracker.ingest import pipeline, resolve, store
from tracker.ingest.types import FoundAgency, FoundCompany
from tracker.models import (
    Agency,
    Article,
    Company,
    Concern,
    ConcernCategory,
    Evidence,
    Facility,
    IngestJob,
    ReviewState,
)

pytestmark = pytest.mark.django_db

ARTICLE = """Source: https://news.example.org/2024/05/14/{slug}
Title: Dutch intelligence service examines {company} data centre

By Example News

The Dutch General Intelligence and Security Service (AIVD) is examining the data centre on the outskirts
of Groningen run by {company}, the cloud subsidiary of Chinese group {parent}, over possible espionage.

{parent} denies any wrongdoing and said {company} operates independently. {parent} opened
the data centre in 2019.

The Investment Screening Office is reviewing whether the investment needs conditions.
"""
NAMES = ["Vantor", "Belmar", "Osric", "Quillon", "Darvey", "Mereth", "Tolvan", "Ispar"]

# This story on PostgreSQL: the claim, BEGIN, the article, the company lookup, the new companies,
# the parent link, the case, evidence + aliases + case relations + history in one statement, the
# search refresh, the job's article link with its outcome, COMMIT. SQLite sends the rows and the
# search refresh a table at a time. (A story naming a site and a dated step adds a facility
# lookup and an event.)
MAX_QUERIES = {"postgresql": 11, "sqlite": 23}


def _article(n: int) -> str:
    """A story about a company and its parent that no other story names."""
    return ARTICLE.format(slug=f"story-{n}", company=f"{NAMES[n]} Cloud", parent=f"{NAMES[n]}grad Holdings")


def _job(text: str) -> IngestJob:
    return IngestJob.objects.create(source_name="story.txt", payload=text.encode())


@pytest.fixture
def agencies():
    resolve.gazetteer_reset()
    aivd = AgencyFactory(
        name="General Intelligence and Security Service",
        acronym="AIVD",
        country="NL",
        review_state=ReviewState.CONFIRMED,
    )
    screening = AgencyFactory(
        name="Investment Screening Office",
        acronym="",
        country="NL",
        kind=Agency.Kind.SCREENING,
        review_state=ReviewState.CONFIRMED,
    )
    yield aivd, screening
    resolve.gazetteer_reset()


def test_a_typical_article_costs_a_bounded_number_of_queries(agencies):
    pipeline.job_run(job_id=_job(_article(1)).pk)  # the worker's gazetteer and agency tables
    job = _job(_article(2))
    with CaptureQueriesContext(connection) as queries:
        pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == IngestJob.Status.DONE, job.error
    assert job.summary["created"]["concerns"] == 1 and job.summary["created"]["evidence"] > 3
    sent = [q["sql"] for q in queries.captured_queries]
    assert len(sent) <= MAX_QUERIES[connection.vendor], "\n".join(s[:120] for s in sent)
    # The confirmed agencies came from the worker's memory, not from a lookup.
    assert not [s for s in sent if 'FROM "tracker_agency"' in s]
    assert Agency.objects.count() == len(agencies)
    assert Concern.objects.get(companies__name="Belmar Cloud").agencies.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_the_statements_a_worker_repeats_per_file_are_prepared(agencies):
    """Parameters bound by the server let psycopg prepare what a connection runs again and again:
    from the sixth file on, the claim and the article insert are planned once, not per file."""
    for n in range(7):
        job = _job(_article(n))
        pipeline.job_run(job_id=job.pk)
        job.refresh_from_db()
        assert job.status == IngestJob.Status.DONE, job.error
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(s.startswith('UPDATE "tracker_ingestjob" SET "status"') for s in prepared), prepared
    assert any(s.startswith('INSERT INTO "tracker_article"') for s in prepared), prepared


def test_name_lookups_of_different_lengths_share_their_sql_and_still_find_the_record():
    vantor = CompanyFactory(name="Vantor Cloud", review_state=ReviewState.CONFIRMED)
    sent = []
    lookups = [(["Vantor Cloud"], vantor), (["Nobody One", "Nobody Two", "vantor cloud"], vantor)]
    lookups.append(([f"Nobody {n}" for n in range(7)], None))
    for names, expected in lookups:
        with CaptureQueriesContext(connection) as queries:
            assert resolve.companies_find([names]) == [expected]
        sent.append(queries.captured_queries[0]["sql"])
    # PostgreSQL shows the bound values in the captured text: compare the placeholders' shape.
    shapes = {re.sub(r"'[^']*'|%s|\$\d+", "?", sql) for sql in sent}
    assert len(shapes) == 1
    assert len(resolve._padded([f"k{n}" for n in range(9)])) == 16 and resolve._padded(["a"]) == ["a"] * 8


def test_the_claim_reads_the_job_back_as_it_now_is():
    job = _job("Text")
    IngestJob.objects.filter(pk=job.pk).update(attempts=2, error="earlier")
    with CaptureQueriesContext(connection) as queries:
        claimed = pipeline._claim(job.pk)
    assert len(queries.captured_queries) == 1
    assert claimed.status == IngestJob.Status.RUNNING and claimed.attempts == 3 and claimed.error == ""
    assert bytes(claimed.payload) == b"Text" and claimed.started_at is not None
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.DONE)
    assert pipeline._claim(job.pk) is None
    assert pipeline._claim(job.pk + 1000) is None


def test_a_duplicate_is_caught_by_the_insert_itself(agencies):
    first = _job(_article(3))
    pipeline.job_run(job_id=first.pk)
    stored = Article.objects.get()
    again = _job(_article(3))
    with CaptureQueriesContext(connection) as queries:
        pipeline.job_run(job_id=again.pk)
    again.refresh_from_db()
    assert again.status == IngestJob.Status.DUPLICATE and list(again.articles.all()) == [stored]
    assert Article.objects.count() == 1 and Evidence.objects.exclude(article=stored).count() == 0
    article_sql = [q["sql"] for q in queries.captured_queries if '"tracker_article"' in q["sql"]]
    assert article_sql[0].startswith("INSERT")  # no look-up before it
    assert len(article_sql) == 2  # the insert that did nothing, then the stored article


def test_the_same_url_with_other_wording_is_a_duplicate(agencies):
    pipeline.job_run(job_id=_job(_article(4)).pk)
    reworded = _article(4).replace("on Tuesday", "on Wednesday morning")
    job = _job(reworded)
    pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == IngestJob.Status.DUPLICATE and Article.objects.count() == 1


def test_the_insert_reports_a_stored_hash_and_sets_the_new_id():
    values = {"title": "T", "text": "Some text", "source_file": "a.txt", "content_hash": "h" * 64}
    fresh = Article(**values)
    assert resolve.row_insert(fresh, skip_conflict=True)
    assert fresh.pk == Article.objects.get().pk and not fresh._state.adding
    assert not resolve.row_insert(Article(**{**values, "source_file": "b.txt"}), skip_conflict=True)
    assert Article.objects.count() == 1


def test_a_record_inserted_quietly_is_stored_as_save_would_store_it():
    site = resolve.create_quietly(Facility, name="Port of Velmar", city="Velmar", country="BE", latitude=50.6)
    stored = Facility.objects.get(pk=site.pk)
    assert (stored.normalized_name, stored.latitude, stored.kind) == ("port of velmar", 50.6, Facility.Kind.OTHER)
    assert stored.created_at is not None and stored.created_at == site.created_at
    assert not site.history.exists()  # store writes the file's history rows in bulk
    # A unique constraint still speaks: an INSERT with no conflict clause fails.
    article = resolve.create_quietly(Article, title="T", text="x", source_file="a", content_hash="c" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        resolve.create_quietly(Article, title="T2", text="y", source_file="b", content_hash=article.content_hash)


def _clock(monkeypatch, seconds: float) -> None:
    monkeypatch.setattr(resolve.time, "monotonic", lambda: seconds)


def test_the_agency_tables_are_at_most_thirty_seconds_stale(monkeypatch):
    service = AgencyFactory(name="Signals Security Service", country="SE", review_state=ReviewState.CONFIRMED)
    entry = FoundAgency(name="Signals Security Service", country="SE")
    _clock(monkeypatch, 1000.0)
    assert resolve.agencies_find([entry]) == [service]
    Agency.objects.filter(pk=service.pk).update(review_state=ReviewState.REJECTED)
    # Within REFRESH_SECONDS the worker still answers from memory, without a query...
    _clock(monkeypatch, 1000.0 + resolve.REFRESH_SECONDS)
    with CaptureQueriesContext(connection) as queries:
        assert resolve.agencies_find([entry]) == [service]
    assert len(queries.captured_queries) == 0
    # ...and once they have passed it reads the agencies again and sees the rejection.
    _clock(monkeypatch, 1000.0 + resolve.REFRESH_SECONDS + 1)
    assert resolve.agencies_find([entry]) == [None]


def test_an_agency_new_since_the_tables_were_read_is_still_found(monkeypatch):
    _clock(monkeypatch, 1000.0)
    resolve.agencies_find([])
    later = AgencyFactory(name="Coastal Security Office", country="DK", review_state=ReviewState.CONFIRMED)
    with CaptureQueriesContext(connection) as queries:
        assert resolve.agencies_find([FoundAgency(name="Coastal Security Office", country="DK")]) == [later]
    assert len(queries.captured_queries) == 1


def test_a_proposed_agency_is_always_read_afresh(monkeypatch):
    """Ingest fills a proposed record's blanks: from a stale copy it could undo an editor's change."""
    proposed = AgencyFactory(name="Harbour Review Board", acronym="", country="FI")
    entry = FoundAgency(name="Harbour Review Board", acronym="HRB", country="FI")
    _clock(monkeypatch, 1000.0)
    resolve.agencies_find([entry])
    Agency.objects.filter(pk=proposed.pk).update(review_state=ReviewState.CONFIRMED, acronym="HARB")
    (resolved, created), *_ = resolve.agencies_resolve([entry])
    assert resolved == proposed and not created
    proposed.refresh_from_db()
    assert proposed.acronym == "HARB" and proposed.review_state == ReviewState.CONFIRMED


def test_a_new_subsidiary_of_a_known_group_joins_the_groups_case(agencies):
    """The case lookup is skipped only for a group the file created whole."""
    parent = CompanyFactory(name="Merethgrad Holdings")
    case = ConcernFactory(host_country="NL", last_reported=dt.date(2024, 1, 1))
    case.companies.add(parent)
    job = _job(_article(5))
    pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.summary["created"].get("concerns", 0) == 0
    assert case.companies.filter(name="Mereth Cloud").exists()


def test_a_files_new_group_gets_one_case_for_all_its_concerns(agencies):
    job = _job(_article(6))
    pipeline.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.summary["created"]["concerns"] == 1
    (case,) = Concern.objects.filter(companies__name="Tolvan Cloud")
    assert set(case.companies.values_list("name", flat=True)) == {"Tolvan Cloud", "Tolvangrad Holdings"}
    assert set(case.category_rows.values_list("category", flat=True)) >= {"espionage"}


def test_only_groups_the_file_created_whole_skip_the_case_lookup():
    known, known_child = CompanyFactory(), CompanyFactory()
    parent, child, orphan, adopted_parent = (CompanyFactory() for _ in range(4))
    child.parent_id = parent.pk  # both new: a group made in this file
    known_child.parent_id = adopted_parent.pk  # a stored company given a new parent: it may have cases
    new = [parent, child, orphan, adopted_parent]
    groups = store._new_groups([known, known_child, parent, child, orphan, adopted_parent], new)
    assert groups == {parent.pk: {parent.pk, child.pk}, child.pk: {parent.pk, child.pk}, orphan.pk: {orphan.pk}}


def test_rows_of_several_tables_go_in_one_statement_on_postgresql():
    case = ConcernFactory()  # with the category espionage
    article = Article.objects.create(title="T", text="The port is watched.", source_file="a", content_hash="x")
    batches = [
        ([Evidence(article=article, concern=case, fact=Evidence.Fact.CONCERN, start=4, end=8, quote="port")], False),
        ([ConcernCategory(concern=case, category=c) for c in ("espionage", "data_access")], True),
    ]
    with CaptureQueriesContext(connection) as queries:
        store.rows_insert(batches)
    assert len(queries.captured_queries) == (1 if connection.vendor == "postgresql" else 2)
    assert set(case.category_rows.values_list("category", flat=True)) == {"espionage", "data_access"}
    (evidence,) = Evidence.objects.filter(article=article)
    assert (evidence.start, evidence.end, evidence.quote, evidence.claim) == (4, 8, "port", {})
    assert evidence.created_at is not None


def test_rows_of_every_column_type_arrive_as_written():
    """Text with quotes, backslashes and accents, JSON, dates and times, numbers, booleans and nulls:
    PostgreSQL reads the rows from one JSON document, as the table's own column types."""
    case = ConcernFactory()
    article = Article.objects.create(title="T", text='Le "port" \\ de Liège', source_file="a", content_hash="y")
    quote = 'Le "port" \\ de Liège'
    claim = {"categories": ["espionage"], "status": "monitoring", "companies": [3, 4], "note": "état"}
    row = Evidence(article=article, concern=case, fact=Evidence.Fact.CONCERN, start=0, end=len(quote), quote=quote)
    row.claim = claim
    when = dt.datetime(2024, 5, 14, 9, 30, 15, 123456, tzinfo=dt.UTC)
    reported = Concern.history.model(
        id=case.pk, title=case.title, status=case.status, host_country="BE",
        first_reported=dt.date(2024, 5, 14), created_at=when, updated_at=when, history_date=when, history_type="+",
    )  # fmt: skip
    company = CompanyFactory()
    owned = Company.history.model(
        id=company.pk, name=company.name, normalized_name=company.normalized_name, state_owned=True,
        from_gazetteer=False, created_at=when, updated_at=when, history_date=when, history_type="+",
    )  # fmt: skip
    store.rows_insert([([row], False), ([reported], False), ([owned], False)])
    stored = Evidence.objects.get(article=article)
    assert (stored.quote, stored.claim, stored.company_id, stored.start) == (quote, claim, None, 0)
    assert stored.created_at == row.created_at and stored.created_at.tzinfo is not None
    got = Concern.history.model.objects.get(id=case.pk, history_type="+", history_date=when)
    assert (got.first_reported, got.history_date) == (dt.date(2024, 5, 14), when)
    got = Company.history.model.objects.get(id=company.pk, history_type="+", history_date=when)
    assert (got.state_owned, got.from_gazetteer, got.sector) == (True, False, "")


def test_a_value_too_long_for_its_column_fails_the_statement_and_is_not_cut():
    need_postgres()  # SQLite does not hold text to a length
    article = Article.objects.create(title="T", text="x", source_file="a", content_hash="z")
    row = Evidence(article=article, fact="f" * 11, start=0, end=1, quote="x")  # the column holds 10
    with pytest.raises(DataError), transaction.atomic():
        store.rows_insert([([row], False), ([ConcernCategory(concern=ConcernFactory(), category="espionage")], True)])
    assert not Evidence.objects.exists()


def test_new_names_wait_for_the_files_last_statement_and_are_then_stored():
    known = CompanyFactory(name="Ispar Cloud Systems")
    pending: list = []
    (company, created), (again, _) = resolve.companies_resolve(
        [
            FoundCompany(name="Ispar Cloud Systems", aliases=["Ispar Cloud"]),
            FoundCompany(name="Ispar Cloud Systems", aliases=["Ispar Cloud", "ISC"]),
        ],
        aliases=pending,
    )
    assert company == again == known and not created
    assert not known.aliases.exists()  # nothing sent yet
    assert sorted(row.name for row in pending) == ["ISC", "Ispar Cloud"]
    store.rows_insert([(pending, True)])
    assert sorted(known.aliases.values_list("name", flat=True)) == ["ISC", "Ispar Cloud"]


def test_without_returning_clauses_the_long_way_gives_the_same_outcome(agencies, monkeypatch):
    """A database that cannot answer an INSERT or UPDATE with rows: a read before and after instead."""
    monkeypatch.setattr(store, "can_return_rows", lambda: False)
    first, again = _job(_article(7)), _job(_article(7))
    pipeline.job_run(job_id=first.pk)
    pipeline.job_run(job_id=again.pk)
    first.refresh_from_db()
    again.refresh_from_db()
    assert (first.status, first.attempts, again.status) == (IngestJob.Status.DONE, 1, IngestJob.Status.DUPLICATE)
    assert Article.objects.count() == 1 and list(again.articles.all()) == list(first.articles.all())


def test_each_new_record_gets_one_creation_row_in_the_history(agencies):
    pipeline.job_run(job_id=_job(_article(4)).pk)
    child = Company.objects.get(name="Darvey Cloud")
    parent = Company.objects.get(name="Darveygrad Holdings")
    (row,) = child.history.all()
    assert (row.history_type, row.history_change_reason, row.parent_id) == ("+", "proposed by ingest", parent.pk)
    assert parent.history.count() == 1 and Article.objects.get().history.count() == 1
    (case,) = Concern.objects.all()
    assert case.history.get().history_type == "+"


def test_a_slow_gazetteer_rebuild_waits_longer_before_the_next(monkeypatch):
    build_clock = {"now": 0.0}
    monkeypatch.setattr(resolve.time, "perf_counter", lambda: build_clock["now"])
    real_build, builds = resolve._build, []

    def slow_build():
        builds.append(1)
        build_clock["now"] += 10.0  # a register so large that a rebuild takes 10 s
        return real_build()

    monkeypatch.setattr(resolve, "_build", slow_build)
    resolve.gazetteer_reset()
    _clock(monkeypatch, 1000.0)
    resolve.gazetteer_current()
    CompanyFactory(name="Newly Proposed Holdings")  # the records changed
    _clock(monkeypatch, 1000.0 + resolve.REFRESH_SECONDS + 1)
    resolve.gazetteer_current()
    assert len(builds) == 1  # 10 s of building allows one rebuild in REBUILD_BUDGET x 10 s
    _clock(monkeypatch, 1000.0 + 10 * resolve.REBUILD_BUDGET + 1)
    resolve.gazetteer_current()
    assert len(builds) == 2
    resolve.gazetteer_reset()
