"""Vocabulary names in rows: step 3, the columns per language go (language names come from CLDR)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0012_vocabulary_translations_fill"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="language",
            options={
                "ordering": ["code"],
                "verbose_name": "language",
                "verbose_name_plural": "languages",
            },
        ),
        migrations.AlterModelOptions(
            name="offerkind",
            options={
                "ordering": ["position", "slug"],
                "verbose_name": "kind of offer",
                "verbose_name_plural": "kinds of offer",
            },
        ),
        migrations.AlterModelOptions(
            name="organisationkind",
            options={
                "ordering": ["position", "slug"],
                "verbose_name": "kind of organisation",
                "verbose_name_plural": "kinds of organisation",
            },
        ),
        migrations.AlterModelOptions(
            name="targetgroup",
            options={
                "ordering": ["position", "slug"],
                "verbose_name": "target group",
                "verbose_name_plural": "target groups",
            },
        ),
        migrations.AlterModelOptions(
            name="topic",
            options={
                "ordering": ["position", "slug"],
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
            },
        ),
        migrations.RemoveField(
            model_name="language",
            name="name_de",
        ),
        migrations.RemoveField(
            model_name="language",
            name="name_en",
        ),
        migrations.RemoveField(
            model_name="language",
            name="name_native",
        ),
        migrations.RemoveField(
            model_name="offerkind",
            name="name_de",
        ),
        migrations.RemoveField(
            model_name="offerkind",
            name="name_en",
        ),
        migrations.RemoveField(
            model_name="organisationkind",
            name="name_de",
        ),
        migrations.RemoveField(
            model_name="organisationkind",
            name="name_en",
        ),
        migrations.RemoveField(
            model_name="targetgroup",
            name="name_de",
        ),
        migrations.RemoveField(
            model_name="targetgroup",
            name="name_en",
        ),
        migrations.RemoveField(
            model_name="topic",
            name="name_de",
        ),
        migrations.RemoveField(
            model_name="topic",
            name="name_en",
        ),
    ]
