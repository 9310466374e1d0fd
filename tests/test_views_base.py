"""The base layout and the account pages: login, logout (POST), password change, the navbar per role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.pages_helpers import assert_access, body

LOGIN = reverse("login")
LOGOUT = reverse("logout")
PASSWORD = reverse("password_change")


def test_login_page_needs_no_login_and_loads_local_assets(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = body(response)
    assert 'name="username"' in html
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "/static/vendor/jquery/jquery.min.js" in html
    assert "cdn" not in html.lower()


def test_login_takes_a_viewer_to_the_dashboard(client, viewer):
    response = client.post(LOGIN, {"username": "bob", "password": "pw-bob"})
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:dashboard")


def test_login_returns_to_the_page_asked_for(client, viewer):
    response = client.get(reverse("tracker:concerns") + "?host_country=BE")
    assert response["Location"] == f"{LOGIN}?next=/cases/%3Fhost_country%3DBE"
    response = client.post(LOGIN, {"username": "bob", "password": "pw-bob", "next": "/cases/?host_country=BE"})
    assert response["Location"] == "/cases/?host_country=BE"


def test_password_change_checks_access(client, editor, viewer, outsider, admin_user_):
    # Changing one's own password needs a login but no role.
    assert_access(client, PASSWORD, {None: 302, outsider: 200, viewer: 200, editor: 200, admin_user_: 200})


def test_logout_is_a_post_form_in_the_user_menu(client, viewer):
    client.force_login(viewer)
    html = body(client.get(reverse("tracker:dashboard")))
    assert f'<form method="post" action="{LOGOUT}"' in html
    assert client.get(LOGOUT).status_code == 405
    assert client.post(LOGOUT).status_code == 302
    assert client.get(reverse("tracker:dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("persona", "sees_jobs"),
    [("viewer", False), ("editor", True), ("admin_user_", True)],
)
def test_navbar_shows_staff_links_only_to_staff(client, request, persona, sees_jobs):
    client.force_login(request.getfixturevalue(persona))
    html = body(client.get(reverse("tracker:dashboard")))
    for link in ["Dashboard", "Cases", "Companies", "Facilities", "Agencies", "Articles", "Change password"]:
        assert link in html
    assert ("Ingest jobs" in html) is sees_jobs
    assert (f'href="{reverse("admin:index")}"' in html) is sees_jobs


def test_a_user_without_a_role_sees_a_readable_403(client, outsider):
    client.force_login(outsider)
    response = client.get("/cases/")
    assert response.status_code == 403
    assert "no role that allows it" in response.content.decode()
