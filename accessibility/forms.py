from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    """Feedback on barriers (BITV 2.0 § 7): a message, and how to answer if the sender wishes."""

    message = forms.CharField(
        label=_("What did not work for you?"),
        help_text=_(
            "Describe the barrier, or the content you need in another form, for example in "
            "easy-to-read language or as a document that a screen reader can read."
        ),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        error_messages={
            "required": _("Please describe what did not work for you."),
            "min_length": _(
                "Please write a little more, so that we understand the barrier (at least "
                "%(limit_value)d characters)."
            ),
        },
    )
    page = forms.CharField(
        label=_("Which page or part of the site?"),
        help_text=_("An address or a description, for example “the map of organisations”."),
        required=False,
        max_length=500,
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        required=False,
        max_length=254,
    )
