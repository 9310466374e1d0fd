"""Forms of the pages: GET filters for the entity and job lists, the upload and review POSTs."""

from __future__ import annotations

import html
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from tracker.countries import country_choices
from tracker.models import IngestJob, ReviewState


class FastSelect(forms.Select):
    """A flat <select> whose options are built in Python.

    Django renders each option through a template, and format_html() per option is not much
    cheaper: the case list's ~1,000 options (two country filters, ~440 agencies at 100,000 cases)
    cost a third of the page's time. Labels and values are escaped like Django's escape().
    """

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> str:
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = {str(v) for v in self.format_value(value)}
        options = []
        for key, label in self.choices:
            key = str(key)
            flag = " selected" if key in selected else ""
            options.append(f'<option value="{html.escape(key)}"{flag}>{html.escape(str(label))}</option>')
        options_html = mark_safe("".join(options))  # noqa: S308 -- every key and label is escaped above
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options_html)


class SearchForm(forms.Form):
    """The entity lists' search box; an invalid country is reported and ignored."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    country = forms.ChoiceField(required=False, label="Country")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "Any country"), *country_choices()]

    def values(self) -> dict[str, str]:
        """The fields that validated, as selector keyword arguments."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields if name in self.cleaned_data}


class ArticleSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")

    def values(self) -> dict[str, str]:
        self.is_valid()
        return {"q": self.cleaned_data.get("q") or ""}


class JobFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *IngestJob.Status.choices])
    ids = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def clean_ids(self) -> list[int] | None:
        """ "1,2,3" -> [1, 2, 3]; the upload page links here to follow one batch of jobs."""
        raw = self.cleaned_data.get("ids") or ""
        if not raw.strip():
            return None
        return parse_ids(raw)


def parse_ids(raw: str, *, limit: int = 200) -> list[int]:
    """Ids from a comma-separated list, ignoring anything that is not a positive number."""
    ids = []
    for part in raw.split(",")[:limit]:
        part = part.strip()
        if part.isdigit() and 0 < int(part) < 2**63:
            ids.append(int(part))
    return ids


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type=file multiple> (Django's documented recipe)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file becomes a failed job with its reason, like every other bad input.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    max_files = 200

    def clean(self, data, initial=None) -> list[UploadedFile]:
        single = super().clean
        items = list(data) if isinstance(data, list | tuple) else [data]
        items = [item for item in items if item]
        # The documented recipe lets an empty list through; a required upload needs a file.
        if not items and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(items) > self.max_files:
            raise forms.ValidationError(f"Upload at most {self.max_files} files at once.", code="max_files")
        return [single(item, initial) for item in items]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        help_text="Text, HTML, RSS/Atom, JSON / JSON Lines or e-mail (.eml); several at once.",
    )


class ReviewForm(forms.Form):
    """Confirm or reject one record from a case page."""

    KINDS = ("concern", "company", "facility", "agency", "event")

    state = forms.ChoiceField(choices=[(ReviewState.CONFIRMED, "Confirm"), (ReviewState.REJECTED, "Reject")])
    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS])
    pk = forms.IntegerField(min_value=1)
