"""The forms of signing up: one person, an organisation's delegates, later changes through the
private link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from events.forms.common import validate_single_line
from events.forms.programme import workshop_label
from events.models import Event, ProgrammePart, Registration
from events.services import NeedsData, SignupData, WhenShort
from migra_hub.forms import PleaseChooseMixin
from organisations.fields import LanguageChoiceField
from organisations.models import Language, Organisation


class NeedsFieldsMixin:
    """Seats and needs, shown only as far as the event offers them."""

    event: Event
    fields: dict[str, forms.Field]

    def _setup_needs(self, event: Event, *, most_seats: int) -> None:
        self.event = event
        if most_seats > 1:
            seats = self.fields["seats"]
            seats.max_value = most_seats  # type: ignore[attr-defined]
            seats.widget.attrs["max"] = most_seats
            seats.help_text = _("Including yourself; at most %(max)s.") % {"max": most_seats}
        else:
            del self.fields["seats"]
        interpretation = event.interpretation_languages.all()
        if interpretation:
            self.fields["interpretation_language"].queryset = interpretation  # type: ignore[attr-defined]
        else:
            del self.fields["interpretation_language"]
        if not event.childcare:
            del self.fields["childcare_children"]
            del self.fields["childcare_ages"]


class RegistrationForm(PleaseChooseMixin, NeedsFieldsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and your private link here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Optional."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        validators=[validate_single_line],
        help_text=_("Optional."),
    )
    seats = forms.IntegerField(label=_("Number of seats"), min_value=1, initial=1)
    workshop = forms.ModelChoiceField(
        label=_("Which workshop do you join?"), queryset=ProgrammePart.objects.none()
    )
    interpretation_language = LanguageChoiceField(
        label=_("I need interpretation into"),
        queryset=Language.objects.none(),
        required=False,
        empty_label=_("No interpretation needed"),
    )
    childcare_children = forms.IntegerField(
        label=_("Children who need childcare"), min_value=0, max_value=20, initial=0, required=False
    )
    childcare_ages = forms.CharField(
        label=_("Ages of the children"),
        max_length=100,
        required=False,
        help_text=_("So that the carers can prepare, e.g. “2 and 5”."),
    )
    needs_step_free = forms.BooleanField(label=_("I need step-free access."), required=False)
    accessibility_needs = forms.CharField(
        label=_("Other needs we should know about"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, e.g. sign language, large print, a quiet room."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored for this event."),
        error_messages={"required": _("Please agree so that we can store your sign-up.")},
    )
    # A honeypot: hidden from people by CSS, filled in by simple bots.
    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, event: Event, user: User | Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._setup_needs(event, most_seats=event.max_seats_per_signup)
        self._setup_organisation(user)
        self._setup_workshop(event)
        self.fields["consent"].help_text = format_html(
            gettext(
                "We use your name, e-mail and needs only to run this event; the organisers see "
                'them. They are deleted after the event. <a href="{}">Privacy policy</a>'
            ),
            reverse("privacy"),
        )
        if user is not None and getattr(user, "is_authenticated", False) and not self.is_bound:
            self.initial.setdefault("name", user.name)
            self.initial.setdefault("email", user.email)

    def _setup_organisation(self, user: User | Any) -> None:
        """A person may sign up for an organisation they are a member of (it is shown to the
        organisers and uses the organisation's seats); anybody may name one in words."""
        own = Organisation.objects.none()
        if user is not None and getattr(user, "is_authenticated", False):
            own = Organisation.objects.filter(memberships__user=user).published().distinct()
        if not own.exists():
            del self.fields["organisation"]
            self.fields["organisation_name"].label = _("Your organisation")
            return
        self.fields["organisation"].queryset = own  # type: ignore[attr-defined]
        self.fields["organisation_name"].label = _("Another organisation")
        self.initial.setdefault("organisation", own.first().pk)  # type: ignore[union-attr]

    def _setup_workshop(self, event: Event) -> None:
        """Events with workshops ask which one the person joins; the seats left are in each
        choice's label, and a full one is refused next to the field."""
        workshops = event.programme_parts.workshops()
        if not workshops.exists():
            del self.fields["workshop"]
            return
        field = self.fields["workshop"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workshops.with_seats_taken()
        field.label_from_instance = workshop_label  # type: ignore[method-assign,assignment]

    def clean_workshop(self) -> ProgrammePart | None:
        workshop = self.cleaned_data.get("workshop")
        if workshop is not None and workshop.is_full:
            raise ValidationError(
                _("This workshop is full. Please choose another one."), code="workshop_full"
            )
        return workshop

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.is_bot():
            raise ValidationError(_("Your sign-up could not be processed."), code="honeypot")
        return cleaned

    def seat_choice(self) -> tuple[WhenShort, int | None]:
        """The answer to an offer of fewer seats (its two buttons) and the number offered."""
        try:
            when_short = WhenShort(self.data.get("when_short") or WhenShort.ASK)
        except ValueError:
            when_short = WhenShort.ASK
        offered = str(self.data.get("offered") or "")
        return when_short, int(offered) if offered.isdigit() else None

    def signup_data(self) -> SignupData:
        data = self.cleaned_data
        return SignupData(
            name=data["name"],
            email=data["email"],
            seats=data.get("seats") or 1,
            organisation=data.get("organisation"),
            organisation_name=data.get("organisation_name", ""),
            interpretation_language=data.get("interpretation_language"),
            childcare_children=data.get("childcare_children") or 0,
            childcare_ages=data.get("childcare_ages", ""),
            needs_step_free=data.get("needs_step_free", False),
            accessibility_needs=data.get("accessibility_needs", ""),
            workshop=data.get("workshop"),
        )


class NeedsForm(PleaseChooseMixin, NeedsFieldsMixin, forms.Form):
    """What a registered person may change through their private link."""

    seats = RegistrationForm.base_fields["seats"]
    interpretation_language = RegistrationForm.base_fields["interpretation_language"]
    childcare_children = RegistrationForm.base_fields["childcare_children"]
    childcare_ages = RegistrationForm.base_fields["childcare_ages"]
    needs_step_free = RegistrationForm.base_fields["needs_step_free"]
    accessibility_needs = RegistrationForm.base_fields["accessibility_needs"]

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "seats": registration.seats,
                "interpretation_language": registration.interpretation_language_id,
                "childcare_children": registration.childcare_children,
                "childcare_ages": registration.childcare_ages,
                "needs_step_free": registration.needs_step_free,
                "accessibility_needs": registration.accessibility_needs,
            },
        )
        super().__init__(*args, **kwargs)
        # Someone who holds more seats than an organiser's lowered maximum may keep them.
        most = max(registration.event.max_seats_per_signup, registration.seats)
        self._setup_needs(registration.event, most_seats=most)

    def needs_data(self) -> NeedsData:
        data = self.cleaned_data
        return NeedsData(
            seats=data.get("seats"),  # None without the field: the seats held stay
            interpretation_language=data.get("interpretation_language"),
            childcare_children=data.get("childcare_children") or 0,
            childcare_ages=data.get("childcare_ages", ""),
            needs_step_free=data.get("needs_step_free", False),
            accessibility_needs=data.get("accessibility_needs", ""),
        )


class DelegatesForm(PleaseChooseMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    consent = forms.BooleanField(
        label=_("The delegates agree that their details are stored for this event."),
        error_messages={"required": _("Please confirm that the delegates agree.")},
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if not self.is_bound and len(organisations) == 1:
            self.initial["organisation"] = organisations[0].pk


class DelegateForm(PleaseChooseMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, validators=[validate_single_line])
    email = forms.EmailField(label=_("E-mail address"))
    interpretation_language = LanguageChoiceField(
        label=_("Interpretation into"),
        queryset=Language.objects.none(),
        required=False,
        empty_label=_("No interpretation needed"),
    )
    needs_step_free = forms.BooleanField(label=_("Needs step-free access"), required=False)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        interpretation = event.interpretation_languages.all()
        if interpretation:
            self.fields["interpretation_language"].queryset = interpretation  # type: ignore[attr-defined]
        else:
            del self.fields["interpretation_language"]

    def signup_data(self) -> SignupData:
        data = self.cleaned_data
        return SignupData(
            name=data["name"],
            email=data["email"],
            interpretation_language=data.get("interpretation_language"),
            needs_step_free=data.get("needs_step_free", False),
        )


class BaseDelegateFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        if not any(form.has_changed() for form in self.forms):
            raise ValidationError(_("Please enter at least one delegate."), code="empty")


# One POST signs up at most this many delegates (each gets an e-mail).
DELEGATES_PER_FORM = 20

DelegateFormSet = forms.formset_factory(
    DelegateForm,
    formset=BaseDelegateFormSet,
    extra=5,
    max_num=DELEGATES_PER_FORM,
    absolute_max=DELEGATES_PER_FORM,
    validate_max=True,
)
