from typing import Any

from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form (allauth adds e-mail and passwords)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("Optional. How we address you in e-mails."),
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree to the privacy policy."),
        help_text=_(
            "We store your e-mail address and name to run your account. Only you, the members "
            "of your organisations and district staff reviewing them see them."
        ),
        error_messages={"required": _("Please accept the privacy policy to create an account.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "name", "password1", "password2", "privacy_consent"])
        # The label links to the policy; built per request so the link has the right language.
        self.fields["privacy_consent"].label = format_html(
            gettext('I have read the <a href="{}">privacy policy</a> and agree to it.'),
            reverse("privacy"),
        )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.name = self.cleaned_data["name"]
        user.privacy_consent_at = timezone.now()
        user.save(update_fields=["name", "privacy_consent_at"])


class AccountDeleteForm(forms.Form):
    """Asks for the password once more, so that nobody deletes an account left open."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
