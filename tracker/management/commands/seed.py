"""python manage.py seed : reference data, the demo logins and the seed articles. Safe to rerun."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tracker import services
from tracker.ingest.resolve import gazetteer_reset

DEMO_USERS = [
    # username, password, role group, staff, superuser
    ("admin", "admin", None, True, True),
    ("editor", "editor", services.EDITOR, True, False),
    ("viewer", "viewer", services.VIEWER, False, False),
]


def demo_users_ensure() -> list[tuple[str, str]]:
    """Demo logins for a trial site; created once, never reset if someone changed them."""
    services.roles_ensure()
    made = []
    for username, password, group, staff, superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": staff, "is_superuser": superuser}
        )
        if created:
            user.set_password(password)
            user.save()
            made.append((username, password))
        if group:
            user.groups.add(Group.objects.get(name=group))
    return made


class Command(BaseCommand):
    help = "Load the reference gazetteer, create demo logins (--demo-users) and ingest seeds/."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--demo-users", action="store_true", help="create admin/editor/viewer demo logins")
        parser.add_argument("--no-articles", action="store_true", help="skip ingesting seeds/")

    def handle(self, *args, **options) -> None:
        counts = services.gazetteer_load()
        gazetteer_reset()
        self.stdout.write(f"reference data: {counts['agencies']} agencies, {counts['companies']} companies")
        if options["demo_users"]:
            for username, password in demo_users_ensure():
                self.stdout.write(f"demo login created: {username} / {password}")
        if not options["no_articles"]:
            call_command("ingest", str(Path(settings.BASE_DIR) / "seeds"), verbosity=options["verbosity"])
