"""The words of the directory's search: the dictionary that search terms with a typo are
corrected against, and the searches that found nothing."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """Every word of the searchable texts once (lower case, unaccented): the dictionary that
    search terms with a typo are corrected against."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


class UnansweredSearch(models.Model):
    """How often a search found nothing on one day: the normalised words of the search and a
    count, nothing about who searched (no user, no address, no time of day), so that city
    staff see where the directory's vocabulary is missing."""

    day = models.DateField(_("day"))
    query = models.CharField(_("search"), max_length=200)
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="unanswered_search_per_day")
        ]
        indexes = [models.Index(fields=["-day", "-count"], name="unanswered_search_recent")]

    def __str__(self) -> str:
        return f"{self.day}: {self.query} ({self.count})"
