"""ISO 3166-1 alpha-2 codes as stored choices, plus "EU" for the Union's institutions."""

from functools import cache

import pycountry
from django.core.exceptions import ValidationError

EXTRA_CODES = {"EU": "European Union", "XK": "Kosovo"}


@cache
def country_names() -> dict[str, str]:
    names = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
    names.update(EXTRA_CODES)
    return dict(sorted(names.items(), key=lambda item: item[1]))


def country_choices() -> list[tuple[str, str]]:
    return list(country_names().items())


def country_name(code: str | None) -> str:
    return country_names().get(code or "", code or "")


def validate_country(value: str) -> None:
    if value and value not in country_names():
        raise ValidationError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
