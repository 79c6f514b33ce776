# Open data, step 3 of 3: public identifiers are required and unique; an external identifier,
# where given, names one entry only.

import uuid

from django.db import migrations, models

MODELS = [
    "organisation",
    "offer",
    "topic",
    "targetgroup",
    "organisationkind",
    "offerkind",
    "language",
]


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_opendata_identifiers_fill"),
    ]

    operations = [
        *[
            migrations.AlterField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(
                    default=uuid.uuid4,
                    editable=False,
                    unique=True,
                    verbose_name="public identifier",
                ),
            )
            for name in MODELS
        ],
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("external_id", ""), _negated=True),
                fields=("external_id",),
                name="organisation_unique_external_id",
            ),
        ),
        migrations.AddConstraint(
            model_name="offer",
            constraint=models.UniqueConstraint(
                condition=models.Q(("external_id", ""), _negated=True),
                fields=("external_id",),
                name="offer_unique_external_id",
            ),
        ),
    ]
