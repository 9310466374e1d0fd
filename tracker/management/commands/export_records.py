import json

from django.core.management.base import BaseCommand

from tracker.export import export_records


class Command(BaseCommand):
    help = "Print every record as one JSON document (the shape in DESIGN.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--indent", type=int, default=1)

    def handle(self, *args, **options) -> None:
        self.stdout.write(json.dumps(export_records(), ensure_ascii=False, indent=options["indent"] or None))
