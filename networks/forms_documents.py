"""Forms of the documents, note edits and partners kept with a network."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from migra_hub.files import UploadField
from migra_hub.forms import PleaseChooseMixin
from migra_hub.revisions import RevisionFormMixin
from networks.forms import NoteForm
from networks.models import Network, NetworkDocument, NetworkPartner
from networks.services import NoteData


class DocumentForm(PleaseChooseMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkDocument.Kind.choices)
    file = UploadField(label=_("File"))

    field_order = ["title", "kind", "file"]


class VersionForm(forms.Form):
    file = UploadField(label=_("New version"))
    comment = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("Optional, e.g. “corrected after the meeting of 3 May”."),
    )


class NoteEditForm(RevisionFormMixin, NoteForm):
    """A note's edit form: it knows the revision it was opened on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_revision_field(self.instance.revision)

    def note_data(self) -> NoteData:
        data = self.cleaned_data
        return NoteData(
            title=data["title"],
            text=data["text"],
            date=data["date"],
            attachment_url=data["attachment_url"],
        )


class PartnerForm(PleaseChooseMixin, forms.ModelForm):
    # Links only to web pages (no javascript: or ftp:).
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )

    class Meta:
        model = NetworkPartner
        fields = ["name", "kind", "website", "contact_role"]

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.network = network

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if self.network.partners.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("This partner is already listed."), code="duplicate")
        return name
