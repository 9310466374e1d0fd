"""Every admin page renders for every model; actions confirm, reject, merge; history names the editor."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CompanyFactory,
    ConcernFactory,
    EventFactory,
    EvidenceFactory,
    FacilityFactory,
)
from tracker.models import (
    AgencyAlias,
    Company,
    CompanyAlias,
    Facility,
    FacilityAlias,
    Feed,
    IngestJob,
    MergeRecord,
    ReviewState,
)

pytestmark = pytest.mark.django_db

MODELS = [model for model in admin.site._registry if model._meta.app_label == "tracker"]


@pytest.fixture
def records(db):
    company = CompanyFactory(name="Alibaba Group Holding")
    CompanyAlias.objects.create(company=company, name="Alibaba")
    agency = AgencyFactory()
    AgencyAlias.objects.create(agency=agency, name="Veiligheid van de Staat", language="nl")
    facility = FacilityFactory(operator=company)
    concern = ConcernFactory(companies=[company], agencies=[agency], facilities=[facility])
    EventFactory(concern=concern)
    EvidenceFactory(concern=concern, article=ArticleFactory())
    Feed.objects.create(url="http://127.0.0.1:9/feed.xml", title="Test feed")
    IngestJob.objects.create(source_name="a.txt", status=IngestJob.Status.FAILED, error="the file is empty")
    MergeRecord.objects.create(model="company", survivor_id=1, survivor_name="A", merged_id=2, merged_name="B")
    return company


@pytest.fixture
def staff_client(client, admin_user_):
    client.force_login(admin_user_)
    return client


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_model_is_registered():
    names = {m.__name__ for m in MODELS}
    assert {"Company", "Facility", "Agency", "Concern", "Article", "Evidence", "Event", "IngestJob"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_change_pages_render(staff_client, records, model):
    assert staff_client.get(_url(model, "changelist")).status_code == 200
    assert staff_client.get(_url(model, "changelist"), {"q": "Alibaba"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"fixture has no {model.__name__}"
    assert staff_client.get(_url(model, "change", obj.pk)).status_code == 200
    if model is not MergeRecord:  # merges are made by the merge action, never typed in
        assert staff_client.get(_url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", [m for m in MODELS if hasattr(m, "history")], ids=lambda m: m.__name__)
def test_history_page_renders(staff_client, records, model):
    obj = model.objects.first()
    assert staff_client.get(_url(model, "history", obj.pk)).status_code == 200


def test_list_filters_render(staff_client, records):
    url = _url(Company, "changelist")
    for params in ({"review_state": "proposed"}, {"country": "CN"}, {"state_owned__exact": "1"}):
        assert staff_client.get(url, params).status_code == 200
    from tracker.models import Concern

    for params in ({"category": "espionage"}, {"status__exact": "monitoring"}, {"host_country": "BE"}):
        response = staff_client.get(_url(Concern, "changelist"), params)
        assert response.status_code == 200


def test_search_finds_companies_by_alias(staff_client, records):
    response = staff_client.get(_url(Company, "changelist"), {"q": "Alibaba"})
    assert "Alibaba Group Holding" in response.content.decode()


def test_an_editor_sees_edits_and_searches_a_sites_aliases(staff_client, records):
    facility = Facility.objects.get()
    FacilityAlias.objects.create(facility=facility, name="Bierset freight terminal")
    page = staff_client.get(_url(Facility, "change", facility.pk)).content.decode()
    assert "Bierset freight terminal" in page and 'name="aliases-TOTAL_FORMS"' in page
    found = staff_client.get(_url(Facility, "changelist"), {"q": "Bierset"}).content.decode()
    assert facility.name in found


def test_confirm_action_records_the_editor_in_history(client, editor, records):
    client.force_login(editor)
    response = client.post(
        _url(Company, "changelist"), {"action": "mark_confirmed", "_selected_action": [records.pk]}, follow=True
    )
    assert response.status_code == 200
    records.refresh_from_db()
    assert records.review_state == ReviewState.CONFIRMED
    assert records.history.first().history_user == editor
    history = client.get(_url(Company, "history", records.pk)).content.decode()
    assert "alice" in history


def test_merge_action_asks_which_record_to_keep_then_merges(staff_client, records):
    twin = CompanyFactory(name="Alibaba Group")
    url = _url(Company, "changelist")
    page = staff_client.post(url, {"action": "merge_selected", "_selected_action": [records.pk, twin.pk]})
    assert page.status_code == 200 and "Keep which company" in page.content.decode()
    done = staff_client.post(
        url,
        {"action": "merge_selected", "_selected_action": [records.pk, twin.pk], "survivor": records.pk},
        follow=True,
    )
    assert done.status_code == 200
    assert not Company.objects.filter(pk=twin.pk).exists()
    assert MergeRecord.objects.filter(merged_name="Alibaba Group", survivor_name="Alibaba Group Holding").exists()


def test_merge_action_needs_two_records(staff_client, records):
    response = staff_client.post(
        _url(Company, "changelist"), {"action": "merge_selected", "_selected_action": [records.pk]}, follow=True
    )
    assert "at least two" in response.content.decode()
    assert Company.objects.filter(pk=records.pk).exists()


def test_viewer_cannot_reach_admin(client, viewer):
    client.force_login(viewer)
    response = client.get(_url(Company, "changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
