from django.urls import path

from networks import (
    views,
    views_curation,
    views_documents,
    views_memberships,
    views_phases,
    views_proposals,
)

app_name = "networks"

# Fixed paths come before <slug>; network_slug() keeps networks from taking them.
urlpatterns = [
    path("", views.network_list, name="index"),
    path("new/", views_curation.network_create, name="create"),
    path("mine/", views.my_networks, name="mine"),
    path("curation/", views_curation.curation, name="curation"),
    path("propose/", views_proposals.proposal_create, name="propose"),
    path("proposals/", views_proposals.proposal_list, name="proposals"),
    path("proposals/<int:pk>/", views_proposals.proposal_detail, name="proposal"),
    path("<slug:slug>/", views.network_detail, name="detail"),
    path("<slug:slug>/edit/", views_curation.network_edit, name="edit"),
    path("<slug:slug>/join/", views_memberships.membership_request, name="join"),
    path("<slug:slug>/members/", views_curation.network_members, name="members"),
    path("<slug:slug>/invite/", views_curation.network_invite, name="invite"),
    path(
        "<slug:slug>/invite/<slug:organisation>/",
        views_memberships.membership_invite,
        name="invite_organisation",
    ),
    path("<slug:slug>/history/", views_curation.network_history, name="history"),
    path("<slug:slug>/notes/", views_curation.network_notes, name="notes"),
    path("<slug:slug>/notes/<int:pk>/edit/", views_documents.note_edit, name="note_edit"),
    path("<slug:slug>/notes/<int:pk>/history/", views_documents.note_history, name="note_history"),
    path("<slug:slug>/documents/", views_documents.document_list, name="documents"),
    path("<slug:slug>/documents/<int:pk>/", views_documents.document_detail, name="document"),
    path(
        "<slug:slug>/documents/<int:pk>/download/",
        views_documents.document_download,
        name="document_download",
    ),
    path(
        "<slug:slug>/documents/<int:pk>/versions/<int:number>/",
        views_documents.version_download,
        name="document_version",
    ),
    path(
        "<slug:slug>/documents/<int:pk>/archive/",
        views_documents.document_archive,
        name="document_archive",
    ),
    path("<slug:slug>/partners/", views_documents.network_partners, name="partners"),
    path(
        "<slug:slug>/partners/<int:pk>/remove/",
        views_documents.partner_remove,
        name="partner_remove",
    ),
    path("<slug:slug>/phase/", views_phases.network_phase, name="phase"),
    path("<slug:slug>/tasks/", views_phases.network_tasks, name="tasks"),
    path("<slug:slug>/tasks/<int:pk>/edit/", views_phases.task_edit, name="task_edit"),
    path("<slug:slug>/tasks/<int:pk>/done/", views_phases.task_done, name="task_done"),
    path(
        "<slug:slug>/memberships/<int:pk>/withdraw/",
        views_memberships.membership_withdraw,
        name="withdraw",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/accept/",
        views_memberships.membership_accept,
        name="accept",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/decline-invitation/",
        views_memberships.membership_decline_invitation,
        name="decline_invitation",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/leave/", views_memberships.membership_leave, name="leave"
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/approve/",
        views_memberships.membership_approve,
        name="approve",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/decline/",
        views_memberships.membership_decline,
        name="decline",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/remove/",
        views_memberships.membership_remove,
        name="remove",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/coordinator/",
        views_memberships.membership_name_coordinator,
        name="name_coordinator",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/coordinator/end/",
        views_memberships.membership_remove_coordinator,
        name="remove_coordinator",
    ),
]
