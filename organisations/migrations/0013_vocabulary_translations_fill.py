"""Vocabulary names in rows: step 2, the German and English names move from their columns into
translation rows. (Languages keep no names: theirs come from CLDR, organisations.language_names.)
`manage.py load_vocabularies` then adds the other interface languages' names of the standard
entries."""

from django.db import migrations

VOCABULARIES = ["Topic", "TargetGroup", "OrganisationKind", "OfferKind"]


def columns_to_rows(apps, schema_editor):
    for name in VOCABULARIES:
        model = apps.get_model("organisations", name)
        translation = apps.get_model("organisations", f"{name}Translation")
        rows = []
        for entry in model.objects.all():
            for language, value in (("de", entry.name_de), ("en", entry.name_en)):
                if value:
                    rows.append(translation(master_id=entry.pk, language_code=language, name=value))
        translation.objects.bulk_create(rows)


def rows_to_columns(apps, schema_editor):
    for name in VOCABULARIES:
        model = apps.get_model("organisations", name)
        translation = apps.get_model("organisations", f"{name}Translation")
        names: dict[int, dict[str, str]] = {}
        for row in translation.objects.filter(language_code__in=["de", "en"]):
            names.setdefault(row.master_id, {})[row.language_code] = row.name
        for entry in model.objects.all():
            found = names.get(entry.pk, {})
            entry.name_de = found.get("de") or found.get("en") or entry.slug
            entry.name_en = found.get("en", "")
            entry.save(update_fields=["name_de", "name_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0012_vocabulary_translations"),
    ]

    operations = [migrations.RunPython(columns_to_rows, rows_to_columns)]
