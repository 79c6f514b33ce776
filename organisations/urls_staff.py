"""URLs of district staff's pages about entries as a whole (before ``review/<slug>/``)."""

from django.urls import path

from organisations import views_staff_entries as staff

urlpatterns = [
    path("review/new-entry/", staff.staff_entry_create, name="staff_entry_create"),
    path("review/duplicates/", staff.duplicate_list, name="duplicates"),
    path("review/duplicates/merge/", staff.merge_confirm, name="merge"),
]
