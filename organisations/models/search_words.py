"""The dictionary that search terms with a typo are corrected against."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """Every word of the searchable texts once (lower case, unaccented): the dictionary that
    search terms with a typo are corrected against (PostgreSQL only)."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
