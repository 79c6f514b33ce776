"""The organisers' forms for the programme: a part, a speaker, the results after the event."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.forms.common import DATETIME_INPUT, DateTimeLocalInput, validate_single_line
from events.models import Event, EventResult, EventResultFile, ProgrammePart, Speaker
from events.services import PartData, SpeakerData
from migra_hub import files
from migra_hub.files import UploadField
from migra_hub.forms import ChoiceList, PleaseChooseMixin
from organisations.fields import LanguageMultipleChoiceField
from organisations.models import Organisation


class ProgrammePartForm(PleaseChooseMixin, forms.ModelForm):
    class Meta:
        model = ProgrammePart
        fields = ["title", "kind", "starts_at", "ends_at", "room", "capacity", "languages"]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "languages": ChoiceList,
        }
        field_classes = {"languages": LanguageMultipleChoiceField}

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_INPUT, "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        for name in ("title", "room"):
            self.fields[name].validators.append(validate_single_line)
        self.fields["languages"].required = False
        if not self.instance.pk and not self.is_bound:
            # A new part follows the last one (or opens the event).
            last = event.programme_parts.order_by("-ends_at").first()
            self.initial.setdefault("starts_at", last.ends_at if last else event.starts_at)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        if cleaned.get("kind") != ProgrammePart.Kind.WORKSHOP:
            cleaned["capacity"] = None  # only workshops have seats of their own
        return cleaned

    def part_data(self) -> PartData:
        data = self.cleaned_data
        return PartData(
            title=data["title"],
            kind=data["kind"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            room=data.get("room", ""),
            capacity=data.get("capacity"),
            languages=tuple(data.get("languages") or ()),
        )


class SpeakerForm(PleaseChooseMixin, forms.ModelForm):
    class Meta:
        model = Speaker
        fields = [
            "name",
            "role",
            "organisation",
            "organisation_name",
            "pronouns",
            "photo_consent",
            "parts",
        ]
        widgets = {"parts": forms.CheckboxSelectMultiple}
        help_texts = {
            "role": _("For example “moderation” or “head of the youth office”."),
            "pronouns": _("Optional, only if the speaker wants them shown."),
            "photo_consent": _("Only then may the speaker appear in photos of the results."),
        }

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("name", "role", "organisation_name", "pronouns"):
            self.fields[name].validators.append(validate_single_line)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = Organisation.objects.published().order_by("name")
        organisation.help_text = _("Optional. Or write the organisation's name below.")
        parts = self.fields["parts"]
        assert isinstance(parts, forms.ModelMultipleChoiceField)
        parts.queryset = event.programme_parts.all()
        parts.required = False
        parts.label = _("Speaks in")

    def speaker_data(self) -> SpeakerData:
        data = self.cleaned_data
        return SpeakerData(
            name=data["name"],
            role=data.get("role", ""),
            organisation=data.get("organisation"),
            organisation_name=data.get("organisation_name", ""),
            pronouns=data.get("pronouns", ""),
            photo_consent=data.get("photo_consent", False),
            parts=tuple(data.get("parts") or ()),
        )


class ResultsForm(forms.ModelForm):
    class Meta:
        model = EventResult
        fields = ["summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "summary": _(
                "What was discussed and agreed, and what happens next. Shown on the event's page."
            )
        }


def workshop_label(part: ProgrammePart) -> str:
    """The workshop as a sign-up choice: its title, time and the seats left."""
    starts, ends = timezone.localtime(part.starts_at), timezone.localtime(part.ends_at)
    text = f"{part.title} ({starts:%H:%M}–{ends:%H:%M})"
    left = part.seats_left()
    if left is None:
        return text
    if left == 0:
        return str(_("%(workshop)s – full") % {"workshop": text})
    return ngettext(
        "%(workshop)s – %(left)s seat left", "%(workshop)s – %(left)s seats left", left
    ) % {"workshop": text, "left": left}


class ResultFileForm(PleaseChooseMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_single_line])
    kind = forms.ChoiceField(label=_("Kind"), choices=EventResultFile.Kind.choices)
    file = UploadField(label=_("File"), types=files.DOCUMENTS)
    consent_confirmed = forms.BooleanField(
        label=_("Everyone recognisable on the photo agreed to be shown on this site."),
        required=False,
        help_text=_("Needed for photos. Without that consent, please do not upload the photo."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if cleaned.get("kind") == EventResultFile.Kind.PHOTO:
            if not cleaned.get("consent_confirmed"):
                self.add_error(
                    "consent_confirmed",
                    _("Photos only with the consent of everyone recognisable on them."),
                )
            if upload is not None and upload.file_type not in files.IMAGES:
                self.add_error("file", _("A photo must be a PNG, JPEG or WebP image."))
        return cleaned
