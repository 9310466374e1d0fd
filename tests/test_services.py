import json

import pytest

from tests.conftest import need_postgres, postgres_params
from tests.factories import (
    AgencyFactory,
    CompanyFactory,
    ConcernFactory,
    EvidenceFactory,
    FacilityFactory,
)
from tracker import services
from tracker.models import (
    Agency,
    AgencyAlias,
    Company,
    CompanyAlias,
    Concern,
    Facility,
    FacilityAlias,
    MergeRecord,
    ReviewState,
)

pytestmark = pytest.mark.django_db


def test_merge_moves_every_relation_alias_and_evidence_to_the_survivor(editor):
    survivor = CompanyFactory(name="Alibaba Group Holding", country="")
    duplicate = CompanyFactory(name="Alibaba Group", country="CN", sector="e-commerce")
    CompanyAlias.objects.create(company=duplicate, name="Alibaba")
    CompanyAlias.objects.create(company=survivor, name="alibaba")  # clashes, must not break the merge
    subsidiary = CompanyFactory(name="Cainiao", parent=duplicate)
    facility = FacilityFactory(operator=duplicate)
    concern = ConcernFactory(companies=[duplicate])
    evidence = EvidenceFactory(company=duplicate, concern=None)

    record = services.records_merge(survivor=survivor, duplicate=duplicate, user=editor)

    assert not Company.objects.filter(pk=duplicate.pk).exists()
    subsidiary.refresh_from_db()
    facility.refresh_from_db()
    evidence.refresh_from_db()
    survivor.refresh_from_db()
    assert subsidiary.parent == survivor
    assert facility.operator == survivor
    assert list(concern.companies.all()) == [survivor]
    assert evidence.company == survivor
    assert sorted(a.name.lower() for a in survivor.aliases.all()) == ["alibaba", "alibaba group"]
    assert survivor.country == "CN" and survivor.sector == "logistics"  # own sector kept, blank country filled
    assert record.merged_name == "Alibaba Group" and record.merged_by == editor
    assert record.moved["subsidiaries"] == 1 and record.moved["concerns"] == 1 and record.moved["evidence"] == 1
    assert MergeRecord.objects.count() == 1


def test_merge_keeps_the_survivor_out_of_its_own_parent_chain(editor):
    parent = CompanyFactory(name="Parent Co")
    child = CompanyFactory(name="Child Co", parent=parent)
    services.records_merge(survivor=child, duplicate=parent, user=editor)
    child.refresh_from_db()
    assert child.parent is None


def test_merge_works_for_agencies_and_facilities(editor):
    vsse = AgencyFactory(name="State Security Service", acronym="VSSE")
    twin = AgencyFactory(name="Veiligheid van de Staat", acronym="")
    AgencyAlias.objects.create(agency=twin, name="Staatsveiligheid")
    concern = ConcernFactory(agencies=[twin])
    services.records_merge(survivor=vsse, duplicate=twin, user=editor)
    assert list(concern.agencies.all()) == [vsse]
    assert {a.name for a in vsse.aliases.all()} == {"Staatsveiligheid", "Veiligheid van de Staat"}
    assert not Agency.objects.filter(pk=twin.pk).exists()

    hub, hub_twin = FacilityFactory(name="Cargo hub"), FacilityFactory(name="Liège cargo hub")
    FacilityAlias.objects.create(facility=hub_twin, name="Liège Airport hub")
    FacilityAlias.objects.create(facility=hub_twin, name="cargo HUB")  # the survivor's own name: dropped
    other = ConcernFactory(facilities=[hub_twin])
    services.records_merge(survivor=hub, duplicate=hub_twin, user=editor)
    assert list(other.facilities.all()) == [hub]
    assert Facility.objects.count() == 1
    assert sorted(hub.aliases.values_list("name", flat=True)) == ["Liège Airport hub", "Liège cargo hub"]


def test_merge_refuses_mixed_kinds_and_itself(editor):
    company, agency = CompanyFactory(), AgencyFactory()
    with pytest.raises(ValueError):
        services.records_merge(survivor=company, duplicate=agency, user=editor)
    with pytest.raises(ValueError):
        services.records_merge(survivor=company, duplicate=company, user=editor)


def test_review_records_the_editor_in_history(editor):
    company = CompanyFactory()
    assert services.records_review(records=[company], state=ReviewState.CONFIRMED, user=editor) == 1
    company.refresh_from_db()
    assert company.review_state == ReviewState.CONFIRMED and company.reviewed_by == editor
    latest = company.history.first()
    assert latest.history_user == editor and latest.review_state == ReviewState.CONFIRMED


def test_review_refuses_an_unknown_state(editor):
    with pytest.raises(ValueError):
        services.records_review(records=[CompanyFactory()], state="maybe", user=editor)


def test_gazetteer_load_is_safe_to_rerun_and_keeps_editor_changes(tmp_path):
    (tmp_path / "agencies.json").write_text(
        json.dumps(
            [
                {
                    "name": "State Security Service",
                    "acronym": "VSSE",
                    "aliases": ["Staatsveiligheid"],
                    "country": "BE",
                    "kind": "intelligence",
                    "generic_terms": ["security service"],
                },
            ]
        )
    )
    (tmp_path / "investors.json").write_text(
        json.dumps(
            [
                {
                    "name": "Alibaba Group Holding",
                    "aliases": ["Alibaba"],
                    "country": "CN",
                    "parent": None,
                    "sector": "e-commerce",
                    "state_owned": False,
                },
                {
                    "name": "Cainiao",
                    "aliases": [],
                    "country": "CN",
                    "parent": "Alibaba Group Holding",
                    "sector": "logistics",
                    "state_owned": False,
                },
            ]
        )
    )
    assert services.gazetteer_load(data_dir=tmp_path) == {"agencies": 1, "companies": 2}
    services.gazetteer_load(data_dir=tmp_path)
    cainiao = Company.objects.get(name="Cainiao")
    assert cainiao.parent.name == "Alibaba Group Holding" and cainiao.review_state == ReviewState.CONFIRMED
    assert Agency.objects.get(acronym="VSSE").generic_terms == ["security service"]
    assert Company.objects.count() == 2 and CompanyAlias.objects.count() == 1

    # An editor takes the record over: the next load leaves it alone.
    Company.objects.filter(name="Cainiao").update(from_gazetteer=False, sector="parcel delivery")
    services.gazetteer_load(data_dir=tmp_path)
    assert Company.objects.get(name="Cainiao").sector == "parcel delivery"


def _agencies_file(folder, entries: list[dict]) -> None:
    (folder / "agencies.json").write_text(json.dumps(entries))


def test_a_gazetteer_entry_that_absorbed_another_takes_over_its_loaded_record(tmp_path):
    house = {"name": "White House", "aliases": ["Maison-Blanche"], "country": "US", "kind": "other"}
    government = {"name": "Federal government of the United States", "aliases": ["US government"], "country": "US"}
    _agencies_file(tmp_path, [house, government])
    services.gazetteer_load(data_dir=tmp_path)
    earlier = Agency.objects.get(name="White House")
    case = ConcernFactory(agencies=[earlier])
    EvidenceFactory(concern=None, agency=earlier)
    editors_own = AgencyFactory(name="Executive Office of the President", country="US")  # not from the gazetteer

    _agencies_file(
        tmp_path,
        [dict(government, aliases=["US government", "Maison-Blanche"], replaces=["White House", editors_own.name])],
    )
    services.gazetteer_load(data_dir=tmp_path)
    services.gazetteer_load(data_dir=tmp_path)  # a rerun finds nothing more to merge

    survivor = Agency.objects.get(name="Federal government of the United States")
    assert not Agency.objects.filter(name="White House").exists()
    assert list(case.agencies.all()) == [survivor] and survivor.evidence.count() == 1
    names = set(survivor.aliases.values_list("name", flat=True))
    assert {"White House", "Maison-Blanche", "US government"} <= names
    assert MergeRecord.objects.get().merged_name == "White House"
    assert Agency.objects.filter(pk=editors_own.pk).exists()  # an editor's record is never merged away


def test_roles_give_viewers_read_and_editors_change(roles, viewer, editor):
    assert viewer.has_perm("tracker.view_concern") and not viewer.has_perm("tracker.change_concern")
    assert editor.has_perm("tracker.change_concern") and services.user_is_editor(editor)
    assert not services.user_is_editor(viewer)


@pytest.mark.django_db(transaction=True)
def test_the_search_refresh_skips_a_case_an_ingest_is_writing_and_takes_it_next_time():
    need_postgres()
    import psycopg

    busy, free = ConcernFactory(title="Busy harbour case"), ConcernFactory(title="Free harbour case")
    Concern.objects.filter(pk__in=[busy.pk, free.pk]).update(search_stale=True)
    with psycopg.connect(**postgres_params()) as other:
        # Another transaction (an ingest) holds the busy case's row until it commits.
        other.execute("SELECT id FROM tracker_concern WHERE id = %s FOR UPDATE", [busy.pk])
        assert services.search_refresh_stale() == 1  # the free case, without waiting for the busy one
        assert list(Concern.objects.filter(search_stale=True).values_list("pk", flat=True)) == [busy.pk]
    assert services.search_refresh_stale() == 1
    assert not Concern.objects.filter(search_stale=True).exists()
