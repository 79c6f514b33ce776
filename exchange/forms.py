from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from exchange.models import Answer, Post, default_end
from exchange.services import PostData
from exchange.services.posts import latest_end
from migra_hub.forms import ChoiceList, PleaseChooseMixin
from networks.models import Network
from organisations.models import District, Organisation


class OrganisationChoiceMixin(forms.Form):
    """The organisation the person acts for: a select when they act for several, nothing to
    choose when they act for one."""

    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"), queryset=Organisation.objects.none()
    )

    def set_organisations(self, organisations: QuerySet[Organisation]) -> None:
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations
        first_two = list(organisations[:2])
        self.only_organisation = first_two[0] if len(first_two) == 1 else None
        if self.only_organisation is not None:
            del self.fields["organisation"]

    def chosen_organisation(self) -> Organisation:
        return self.only_organisation or self.cleaned_data["organisation"]


class PostForm(PleaseChooseMixin, OrganisationChoiceMixin):
    kind = forms.ChoiceField(
        label=_("Do you offer something or need something?"),
        choices=[(value, capfirst(label)) for value, label in Post.Kind.choices],
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "---------")]
        + [(value, capfirst(label)) for value, label in Post.Category.choices],
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("In a few words, e.g. “Room for 20 people free on Saturday”."),
    )
    text = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What, when, where and under which conditions. No personal data of others."),
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.none(),
        widget=ChoiceList,
        help_text=_("Where the offer is available or the help is needed."),
    )
    audience = forms.ChoiceField(
        label=_("Who sees the post?"),
        choices=[(value, capfirst(label)) for value, label in Post.Audience.choices],
        initial=Post.Audience.PUBLIC,
        widget=forms.RadioSelect,
    )
    networks = forms.ModelMultipleChoiceField(
        label=_("Networks"),
        queryset=Network.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_(
            "The post appears on the pages of these networks. Only their members see a post "
            "shared with the chosen networks only."
        ),
    )
    ends_on = forms.DateField(
        label=_("Shown until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Three months at most. The post ends by itself on this day."),
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        districts: QuerySet[District],
        networks: QuerySet[Network],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_organisations(organisations)
        for name, queryset in (("districts", districts), ("networks", networks)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = queryset
        self.fields["ends_on"].initial = default_end()
        self.fields["ends_on"].widget.attrs["max"] = latest_end().isoformat()

    def post_data(self) -> PostData:
        data = self.cleaned_data
        return PostData(
            kind=data["kind"],
            category=data["category"],
            title=data["title"],
            text=data["text"],
            districts=tuple(data["districts"]),
            audience=data["audience"],
            networks=tuple(data["networks"]),
            ends_on=data["ends_on"],
        )


class AnswerForm(PleaseChooseMixin, OrganisationChoiceMixin):
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The owners of the posting organisation receive it by e-mail."),
    )
    contact = forms.CharField(
        label=capfirst(Answer._meta.get_field("contact").verbose_name),
        max_length=300,
        help_text=Answer._meta.get_field("contact").help_text,
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_organisations(organisations)


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the post hidden?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. The posting organisation sees it."),
    )
