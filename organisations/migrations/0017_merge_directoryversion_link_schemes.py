"""Joins two migrations written in parallel; neither touches what the other changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0015_directoryversion"),
        ("organisations", "0016_link_schemes"),
    ]

    operations = []
