# Open data: stable public identifiers (HSDS ids) and the identifier an import source gave.
# Step 1 of 3 (Django's recipe for adding a unique field to a table with rows): the uuid
# columns start nullable; 0004 fills them, 0005 makes them unique.

from django.db import migrations, models

VOCABULARIES = ["topic", "targetgroup", "organisationkind", "offerkind", "language"]


def uuid_field() -> models.UUIDField:
    # No default yet: Django would give every existing row the same one value.
    return models.UUIDField(editable=False, null=True, verbose_name="public identifier")


def external_id_field() -> models.CharField:
    return models.CharField(
        blank=True,
        default="",
        help_text="The identifier in the source this entry was imported from.",
        max_length=200,
        verbose_name="external identifier",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_problemreport"),
    ]

    operations = [
        *[
            migrations.AddField(model_name=name, name="uuid", field=uuid_field())
            for name in ["organisation", "offer", *VOCABULARIES]
        ],
        migrations.AddField(
            model_name="organisation",
            name="external_id",
            field=external_id_field(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="offer",
            name="external_id",
            field=external_id_field(),
            preserve_default=False,
        ),
    ]
