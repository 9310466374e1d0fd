from django.apps import AppConfig


class TrackerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tracker"
    verbose_name = "Security tracker"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from tracker.services import roles_ensure

        # Permissions exist only after migrate, so the role groups are (re)built then.
        post_migrate.connect(lambda **kwargs: roles_ensure(), sender=self, weak=False)
