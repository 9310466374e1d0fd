"""The reference case: after ingesting seeds/, the Alibaba / Cainiao case is there with its evidence."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tracker import services
from tracker.export import export_records
from tracker.ingest.resolve import gazetteer_reset
from tracker.models import Agency, Article, Company, Concern, Evidence, Facility

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    services.gazetteer_load()
    gazetteer_reset()
    call_command("ingest", str(Path(settings.BASE_DIR) / "seeds"), verbosity=0)
    yield
    gazetteer_reset()


def _company(name: str) -> Company:
    return Company.objects.filter(name__iexact=name).first() or Company.objects.get(aliases__name__iexact=name)


def test_cainiao_belongs_to_alibaba_group_holding(seeded):
    assert _company("Cainiao").parent == _company("Alibaba Group Holding")
    assert _company("Alibaba").country == "CN"


def test_the_liege_hub_is_operated_by_cainiao(seeded):
    hub = Facility.objects.get(city="Liège")
    assert hub.country == "BE" and hub.operator == _company("Cainiao")


def test_vsse_monitors_the_hub_for_espionage_and_interference(seeded):
    vsse = Agency.objects.get(acronym="VSSE")
    assert vsse.country == "BE" and vsse.kind == Agency.Kind.INTELLIGENCE
    concern = Concern.objects.get(agencies=vsse)
    assert {"espionage", "interference"} <= set(concern.category_codes())
    assert concern.status == Concern.Status.MONITORING and concern.host_country == "BE"
    assert _company("Alibaba Group Holding") in concern.companies.all()
    assert concern.facilities.filter(city="Liège").exists()
    quotes = Evidence.objects.filter(concern=concern).values_list("quote", flat=True)
    assert any("possible espionage or interference activities" in q for q in quotes)


def test_every_evidence_quote_points_at_its_sentence(seeded):
    article = Article.objects.get()
    evidence = Evidence.objects.filter(article=article)
    assert evidence.count() >= 5
    for row in evidence:
        assert article.text[row.start : row.end] == row.quote


def test_sources_are_kept_apart_from_subject_companies(seeded):
    article = Article.objects.get()
    assert article.publisher == "Euronews"
    assert "Reuters" in article.wire_credits and "Financial Times" in article.cited_outlets
    for outlet in ("Euronews", "Reuters", "Financial Times", "FT"):
        assert not Company.objects.filter(name__iexact=outlet).exists()


def test_the_export_of_the_seed_has_the_contract_shape(seeded):
    data = export_records()
    (article,) = data["articles"]
    assert article["source_file"] == "000-seed-alibaba-liege.txt"
    assert set(article["countries"]) == {"BE", "CN"}
    assert {"Alibaba Group Holding", "Cainiao"} <= set(article["companies"])
    categories = {c for concern in article["concerns"] for c in concern["categories"]}
    assert {"espionage", "interference"} <= categories
    assert set(data) == {"articles", "companies", "facilities", "agencies", "concerns"}
    concern = next(c for c in data["concerns"] if "espionage" in c["categories"])
    assert concern["evidence"] and concern["evidence"][0]["source_file"] == "000-seed-alibaba-liege.txt"


def test_reingesting_the_seed_is_a_no_op(seeded, capsys):
    counts = [m.objects.count() for m in (Article, Evidence, Company, Concern, Facility)]
    call_command("ingest", str(Path(settings.BASE_DIR) / "seeds"))
    assert "duplicate 1" in capsys.readouterr().out
    assert counts == [m.objects.count() for m in (Article, Evidence, Company, Concern, Facility)]
