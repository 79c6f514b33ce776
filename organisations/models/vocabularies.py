"""The shared vocabularies: topics, target groups, kinds and languages."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModelMixin, TranslatedFields
from parler.utils.i18n import normalize_language_code

from organisations.language_names import language_endonym, language_name


class VocabularyManager(TranslatableManager):
    """Entries come with their names in every language (one more query per list, none per
    entry): form choices, ``organisation.topics.all()`` and prefetches of them. Entries reached
    by ``select_related`` need ``prefetch_related("kind__translations")``."""

    def get_queryset(self) -> TranslatableQuerySet:
        return super().get_queryset().prefetch_related("translations")


class TranslatedName(TranslatableModelMixin, models.Model):
    """A vocabulary entry named in every interface language (django-parler: one row per
    language, so a new interface language needs no migration). A missing name falls back to
    German, then English (``settings.PARLER_LANGUAGES``)."""

    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Stable public identifier (open data: HSDS taxonomy term id); the slug may be renamed.
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)

    objects = VocabularyManager()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    # An entry speaks the language of the request it is shown in, not the one it was loaded in
    # (parler's default): the directory keeps entries in a cache shared by all languages. A
    # language set on purpose (``set_current_language``: the admin's tabs, forms) still holds.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pinned = kwargs.get("_current_language")
        super().__init__(*args, **kwargs)
        self.__dict__["_pinned_language"] = pinned

    # ``name`` (a translated field of each concrete model) is the name in the current language,
    # else German, else English. Load many entries with ``prefetch_related("translations")``.

    def __str__(self) -> str:
        return str(self.safe_translation_getter("name", any_language=True) or self.slug)

    @property
    def _current_language(self) -> str:
        pinned = self.__dict__.get("_pinned_language")
        return pinned or normalize_language_code(get_language() or settings.LANGUAGE_CODE)

    @_current_language.setter
    def _current_language(self, value: str | None) -> None:
        self.__dict__["_pinned_language"] = value

    @property
    def names(self) -> dict[str, str]:
        """Every language's name, by language code (for imports that match any of them)."""
        return {t.language_code: t.name for t in self.translations.all() if t.name}


def _name_field() -> TranslatedFields:
    return TranslatedFields(name=models.CharField(_("name"), max_length=100))


class Topic(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TargetGroup(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class OrganisationKind(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("kind of organisation")
        verbose_name_plural = _("kinds of organisation")


class OfferKind(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("kind of offer")
        verbose_name_plural = _("kinds of offer")


class Language(models.Model):
    """A language people speak, by its ISO 639 code. Its names in every language come from
    CLDR (``organisations.language_names``), not from our database."""

    code = models.CharField(_("ISO 639 code"), max_length=12, unique=True)
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self) -> str:
        if self.name_native and self.name_native != self.name:
            return f"{self.name} / {self.name_native}"
        return self.name

    @property
    def name(self) -> str:
        """The language's name in the current interface language."""
        return language_name(self.code)

    @property
    def name_native(self) -> str:
        """The language's name in itself ("ትግርኛ"), or "" where CLDR does not know it."""
        return language_endonym(self.code)
