"""Vocabulary names in rows: step 3, the columns per language go (language names come from CLDR)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0013_vocabulary_translations_fill"),
    ]

    # The columns get a default before they go, so that going back re-adds them on filled tables
    # (0012 backwards then writes the names into them).
    operations = [
        *(
            migrations.AlterField(
                model_name=model,
                name=name,
                field=models.CharField(default="", max_length=100, verbose_name=label),
            )
            for model in ("topic", "targetgroup", "organisationkind", "offerkind", "language")
            for name, label in (("name_de", "name (German)"), ("name_en", "name (English)"))
        ),
        migrations.AlterField(
            model_name="language",
            name="name_native",
            field=models.CharField(
                default="", max_length=100, verbose_name="name in the language itself"
            ),
        ),
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
