"""The web import's upload form: the file is checked as a whole here (type, size, encoding,
syntax), so that a bad file is named next to the file field and never reaches the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from opendata.import_files import ImportFile, ImportFileError, check_size
from opendata.uploads import read_upload, upload_format
from organisations.models import District, Organisation

Status = Organisation.Status


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.json"}),
    )
    district = forms.ModelChoiceField(
        queryset=District.objects.none(),
        required=False,
        label=_("District for entries that name none"),
        help_text=_("Entries whose row or address names a district (or a known postcode) keep it."),
        empty_label=_("Only what the file says"),
    )
    status = forms.ChoiceField(
        label=_("New entries"),
        choices=[
            (Status.DRAFT, _("as drafts, to be checked before they are published")),
            (Status.PUBLISHED, _("published at once")),
        ],
        initial=Status.DRAFT,
        widget=forms.RadioSelect,
        help_text=_("Existing entries keep their status."),
    )

    def __init__(self, *args: Any, districts: QuerySet[District], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.districts = list(districts)
        self.fields["file"].help_text = _(
            "A district spreadsheet (.csv or .xlsx) or an HSDS JSON file (.json), at most %(size)s."
        ) % {"size": filesizeformat(settings.IMPORT_MAX_BYTES)}
        if len(self.districts) == 1:
            del self.fields["district"]  # district staff of one district: theirs is the default
        else:
            self.fields["district"].queryset = districts  # type: ignore[attr-defined]

    @property
    def only_district(self) -> District | None:
        return self.districts[0] if len(self.districts) == 1 else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None:
            return data
        district = data.get("district") or self.only_district
        data["district"] = district
        try:
            check_size(upload.name, upload.size)
            content = upload.read()
            file_format = upload_format(upload.name, content)
            # Read once now, so that a file that cannot be read is named here.
            read_upload(ImportFile(upload.name, content), file_format, district)
        except ImportFileError as error:
            self.add_error("file", error.message)
            return data
        data["content"], data["file_format"] = content, file_format
        return data
